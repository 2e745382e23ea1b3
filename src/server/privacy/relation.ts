import "server-only";
import { db } from "@/server/db";
import type { Access, Relation } from "./audience";

/**
 * Who is looking. `previewOf` is "view my space as..." (privacy/preview.ts):
 * the owner `ownerId` looking at their own space with the access of a stranger,
 * a friend, or a member of some of their groups. Such a viewer has id 0 (nobody),
 * so nothing is "mine", liked by me or editable.
 */
export type Viewer = { id: number; previewOf?: { ownerId: number; access: Access } } | null;

type Row = { owner_id: number; blocked: boolean; friend: boolean; follower: boolean; group_ids: number[] };

/**
 * The viewer's access to each owner, in one query whatever the number of
 * owners: blocks either way, friendship, follow, and the owner's friend
 * groups the viewer is in.
 */
export async function accessToMany(viewer: Viewer, ownerIds: readonly number[]): Promise<Map<number, Access>> {
  const out = new Map<number, Access>();
  const ids = [...new Set(ownerIds)];
  const others: number[] = [];
  for (const id of ids) {
    if (viewer?.previewOf && viewer.previewOf.ownerId === id) out.set(id, viewer.previewOf.access);
    else if (!viewer || viewer.id <= 0) out.set(id, { relation: viewer ? "stranger" : "anonymous", userId: null, groupIds: [] });
    else if (viewer.id === id) out.set(id, { relation: "owner", userId: id, groupIds: [] });
    else others.push(id);
  }
  if (!others.length || !viewer) return out;
  const v = viewer.id;
  const rows = await db.$queryRaw<Row[]>`
    SELECT o.id AS owner_id,
      EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = o.id AND b.blocked_id = ${v}) OR (b.blocker_id = ${v} AND b.blocked_id = o.id)) AS blocked,
      EXISTS (SELECT 1 FROM friendships f WHERE f.user_id = ${v} AND f.friend_id = o.id) AS friend,
      EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = ${v} AND f.followee_id = o.id) AS follower,
      ARRAY(SELECT m.group_id FROM friend_group_members m JOIN friend_groups g ON g.id = m.group_id
            WHERE m.user_id = ${v} AND g.owner_id = o.id) AS group_ids
    FROM unnest(${others}::int[]) AS o(id)`;
  for (const r of rows) {
    const relation: Relation = r.blocked ? "blocked" : r.friend ? "friend" : r.follower ? "follower" : "stranger";
    out.set(r.owner_id, { relation, userId: v, groupIds: relation === "friend" ? r.group_ids : [] });
  }
  return out;
}

/** The viewer's access to one owner (one query at most). */
export async function accessTo(viewer: Viewer, ownerId: number): Promise<Access> {
  return (await accessToMany(viewer, [ownerId])).get(ownerId)!;
}

/** How `viewer` stands towards `ownerId`. */
export async function relationTo(viewer: Viewer, ownerId: number): Promise<Relation> {
  return (await accessTo(viewer, ownerId)).relation;
}
