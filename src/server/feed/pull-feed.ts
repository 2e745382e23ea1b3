import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { visibleAudiencesSql } from "@/server/privacy";
import type { FeedRow } from "./feed-row";

/**
 * Which source authors to read: all of them, only hot accounts (not fanned
 * out: always pulled), or only regular ones (the inbox's share).
 */
export type Sources = "all" | "hot" | "regular";

/**
 * The pull feed: one index walk per source author (the viewer, friends,
 * followed people) on posts(author_id, id DESC), at most `limit` rows each,
 * merged. The audience filter comes from the privacy module, per source
 * relation. This is the reference for what the feed must contain; the inbox
 * is an index over it.
 */
export async function pullFeed(viewerId: number, opts: { before: number; limit: number; sources: Sources }): Promise<FeedRow[]> {
  const hotFilter =
    opts.sources === "all" ? Prisma.empty : opts.sources === "hot" ? Prisma.sql`AND su.hot` : Prisma.sql`AND NOT su.hot`;
  return db.$queryRaw<FeedRow[]>`
    WITH sources AS (
      SELECT ${viewerId}::int AS uid, 'owner' AS rel
      UNION ALL
      SELECT friend_id, 'friend' FROM friendships WHERE user_id = ${viewerId}
      UNION ALL
      SELECT f.followee_id, 'follower' FROM follows f
      WHERE f.follower_id = ${viewerId}
        AND NOT EXISTS (SELECT 1 FROM friendships fr WHERE fr.user_id = ${viewerId} AND fr.friend_id = f.followee_id)
    )
    SELECT p.id, p.author_id, p.body, p.audience, p.created_at, su.handle, su.display_name
    FROM sources s
    JOIN users su ON su.id = s.uid ${hotFilter}
    CROSS JOIN LATERAL (
      SELECT p.id, p.author_id, p.body, p.audience, p.created_at
      FROM posts p
      WHERE p.author_id = s.uid AND p.id < ${opts.before}
        AND p.audience = ANY(${visibleAudiencesSql("s.rel")})
      ORDER BY p.id DESC
      LIMIT ${opts.limit}
    ) p
    ORDER BY p.id DESC
    LIMIT ${opts.limit}`;
}
