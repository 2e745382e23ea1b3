import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { avatarUrl } from "@/lib/media-url";
import type { AudienceChoices } from "./group-types";

/** As many friends as the friends page lists. */
const FRIENDS_MAX = 1000;

/**
 * What the viewer may choose as an item's audience, and add to a group: their
 * groups (with how many current friends each holds) and their friends, both
 * by name. Two queries.
 */
export async function listAudienceChoices(viewer: SignedInViewer): Promise<AudienceChoices> {
  const [groups, friends] = await Promise.all([
    db.$queryRaw<{ id: number; name: string; member_count: number }[]>`
      SELECT g.id, g.name,
        (SELECT count(*)::int FROM friend_group_members m JOIN friendships f ON f.user_id = g.owner_id AND f.friend_id = m.user_id
         WHERE m.group_id = g.id) AS member_count
      FROM friend_groups g WHERE g.owner_id = ${viewer.id}
      ORDER BY lower(g.name), g.id`,
    db.$queryRaw<{ id: number; handle: string; display_name: string; avatar_media_id: number | null }[]>`
      SELECT u.id, u.handle, u.display_name, u.avatar_media_id
      FROM friendships f JOIN users u ON u.id = f.friend_id
      WHERE f.user_id = ${viewer.id}
      ORDER BY lower(u.display_name), u.id
      LIMIT ${FRIENDS_MAX}`,
  ]);
  return {
    groups: groups.map((g) => ({ id: g.id, name: g.name, memberCount: g.member_count })),
    friends: friends.map((u) => ({ id: u.id, handle: u.handle, displayName: u.display_name, avatarUrl: avatarUrl(u.avatar_media_id) })),
  };
}
