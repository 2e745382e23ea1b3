import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { notFound } from "@/server/errors";
import { kindsOf, type FeedKind } from "@/lib/feed-filter";
import type { FeedFilter } from "./feed-sql";

/**
 * The home feed's filters as the feed's SQL takes them: the kinds a kind tab
 * shows, and the members of one of the viewer's own friend groups. Someone
 * else's group (or a made-up id) answers not_found, so group ids can't be
 * probed. No filter: undefined, and no query at all.
 */
export async function resolveFeedFilter(viewer: SignedInViewer, input: { kind?: FeedKind; group?: number }): Promise<FeedFilter | undefined> {
  if (!input.kind && input.group == null) return undefined;
  const filter: FeedFilter = {};
  if (input.kind) filter.kinds = kindsOf(input.kind);
  if (input.group != null) {
    const [group] = await db.$queryRaw<{ members: number[] }[]>`
      SELECT ARRAY(SELECT m.user_id FROM friend_group_members m WHERE m.group_id = g.id) AS members
      FROM friend_groups g WHERE g.id = ${input.group} AND g.owner_id = ${viewer.id}`;
    if (!group) throw notFound();
    filter.authorIds = group.members;
  }
  return filter;
}

/** The viewer's friend groups for the feed's group filter, by name (one query). */
export function listFeedGroups(viewer: SignedInViewer): Promise<{ id: number; name: string }[]> {
  return db.friendGroup.findMany({ where: { ownerId: viewer.id }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}
