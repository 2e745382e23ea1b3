import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { avatarUrl } from "@/lib/media-url";
import type { GroupView } from "./group-types";

type Client = Prisma.TransactionClient | typeof db;
type Row = { id: number; name: string; user_id: number | null; handle: string | null; display_name: string | null; avatar_media_id: number | null };

/**
 * The owner's groups (all, or one) with their members, in one query. Only
 * current friends count as members: a membership left behind by a friendship
 * ended some other way than unfriend() is not shown (nor honoured by the
 * privacy module).
 */
export async function loadGroups(ownerId: number, groupId?: number, client: Client = db): Promise<GroupView[]> {
  const rows = await client.$queryRaw<Row[]>`
    SELECT g.id, g.name, u.id AS user_id, u.handle, u.display_name, u.avatar_media_id
    FROM friend_groups g
    LEFT JOIN friend_group_members m ON m.group_id = g.id
      AND EXISTS (SELECT 1 FROM friendships f WHERE f.user_id = g.owner_id AND f.friend_id = m.user_id)
    LEFT JOIN users u ON u.id = m.user_id
    WHERE g.owner_id = ${ownerId} AND (${groupId ?? null}::int IS NULL OR g.id = ${groupId ?? null}::int)
    ORDER BY lower(g.name), g.id, lower(u.display_name), u.id`;
  const groups = new Map<number, GroupView>();
  for (const r of rows) {
    const group = groups.get(r.id) ?? { id: r.id, name: r.name, members: [] };
    groups.set(r.id, group);
    if (r.user_id != null) group.members.push({ id: r.user_id, handle: r.handle!, displayName: r.display_name!, avatarUrl: avatarUrl(r.avatar_media_id) });
  }
  return [...groups.values()];
}

/** One of the owner's groups (after a change to it). */
export async function loadGroup(ownerId: number, groupId: number, client: Client = db): Promise<GroupView> {
  const [group] = await loadGroups(ownerId, groupId, client);
  return group!;
}
