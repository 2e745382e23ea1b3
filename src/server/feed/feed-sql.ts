// The feed's SQL, as builders with no database or server-only imports, so the
// benchmark suite (bench/) runs exactly the statements the app runs.
import { Prisma } from "@/generated/prisma/client";
import { visiblePostSql } from "@/server/privacy/audience-sql";
import { prepared } from "@/server/prepared-sql";

/**
 * Which source authors to read: all of them, only hot accounts (not fanned
 * out: always pulled), or only regular ones (the inbox's share).
 */
/** The post columns every feed read returns (see FeedRow). */
const POST_COLUMNS = Prisma.raw("p.id, p.author_id, p.kind, p.body, p.title, p.audience, p.audience_group_ids, p.audience_user_ids, p.state, p.album_id, p.repost_of_id, p.repost_count, p.created_at, p.edited_at, p.like_count, p.comment_count");

export type Sources = "all" | "hot" | "regular";

/**
 * The home feed's optional filters (src/lib/feed-filter.ts): only these
 * posts.kind values, only these authors (a friend group's members). Applied
 * identically by the inbox and the pull queries, so a filtered feed pages and
 * merges exactly like the unfiltered one.
 */
export type FeedFilter = { kinds?: readonly string[]; authorIds?: readonly number[] };

function kindSql(filter: FeedFilter | undefined): Prisma.Sql {
  return filter?.kinds ? Prisma.sql`AND p.kind = ANY(${[...filter.kinds]}::text[])` : Prisma.empty;
}

function authorSql(col: Prisma.Sql, filter: FeedFilter | undefined): Prisma.Sql {
  return filter?.authorIds ? Prisma.sql`AND ${col} = ANY(${[...filter.authorIds]}::int[])` : Prisma.empty;
}

/**
 * The pull feed: one index walk per source author (the viewer, friends,
 * followed people) on posts(author_id, id DESC), at most `limit` rows each,
 * merged. The audience filter comes from the privacy module, per source
 * relation. This is the reference for what the feed must contain; the inbox
 * is an index over it.
 */
export function pullFeedSql(
  viewerId: number,
  opts: { before: number; limit: number; sources: Sources; /** with sources "hot": the known hot accounts */ hotIds?: number[]; filter?: FeedFilter },
): Prisma.Sql {
  const hotFilter =
    opts.sources === "all" ? Prisma.empty : opts.sources === "hot" ? Prisma.sql`AND su.hot` : Prisma.sql`AND NOT su.hot`;
  // For the hot pull, only the few hot accounts are looked up (primary-key
  // probes) instead of walking every followee.
  const among = (col: Prisma.Sql) => (opts.sources === "hot" && opts.hotIds ? Prisma.sql`AND ${col} = ANY(${opts.hotIds}::int[])` : Prisma.empty);
  return Prisma.sql`
    WITH sources AS (
      SELECT ${viewerId}::int AS uid, 'owner' AS rel
      UNION ALL
      SELECT friend_id, 'friend' FROM friendships WHERE user_id = ${viewerId} ${among(Prisma.sql`friend_id`)}
      UNION ALL
      SELECT f.followee_id, 'follower' FROM follows f
      WHERE f.follower_id = ${viewerId} ${among(Prisma.sql`f.followee_id`)}
        AND NOT EXISTS (SELECT 1 FROM friendships fr WHERE fr.user_id = ${viewerId} AND fr.friend_id = f.followee_id)
    )
    SELECT p.*, su.handle, su.display_name, su.avatar_media_id
    FROM sources s
    JOIN users su ON su.id = s.uid ${hotFilter} ${authorSql(Prisma.sql`s.uid`, opts.filter)}
    CROSS JOIN LATERAL (
      SELECT ${POST_COLUMNS}
      FROM posts p
      WHERE p.author_id = s.uid AND p.id < ${opts.before} ${kindSql(opts.filter)}
        AND ${visiblePostSql("p", "s.rel", viewerId)}
      ORDER BY p.id DESC
      LIMIT ${opts.limit}
    ) p
    ORDER BY p.id DESC
    LIMIT ${opts.limit}`;
}

// The viewer's relation to an entry's author, recomputed at read time so an
// entry from someone no longer followed (or no longer a friend) is not shown.
const ENTRY_RELATION = `(CASE WHEN e.author_id = e.user_id THEN 'owner' WHEN fr.user_id IS NOT NULL THEN 'friend' WHEN fo.follower_id IS NOT NULL THEN 'follower' ELSE 'none' END)`;

/**
 * One round trip: the viewer's inbox state (horizon, trimmed_at) and the
 * entries below `before` (at or above the horizon) that the viewer may still
 * see, newest first. No rows at all when the viewer has no inbox; one row with
 * null post columns when the page is empty.
 */
export function inboxPageSql(viewerId: number, before: number, limit: number, filter?: FeedFilter): Prisma.Sql {
  // Prepared (src/server/prepared-sql.ts): every value is bound, so one text per filter shape.
  return prepared(Prisma.sql`
    SELECT s.horizon, s.trimmed_at, p.*
    FROM feed_states s
    LEFT JOIN LATERAL (
      SELECT ${POST_COLUMNS}, u.handle, u.display_name, u.avatar_media_id
      FROM feed_entries e
      JOIN posts p ON p.id = e.post_id
      JOIN users u ON u.id = e.author_id AND NOT u.hot
      LEFT JOIN friendships fr ON fr.user_id = e.user_id AND fr.friend_id = e.author_id
      LEFT JOIN follows fo ON fo.follower_id = e.user_id AND fo.followee_id = e.author_id
      WHERE e.user_id = s.user_id AND e.post_id < ${before} AND e.post_id >= s.horizon
        ${authorSql(Prisma.sql`e.author_id`, filter)} ${kindSql(filter)}
        AND ${visiblePostSql("p", ENTRY_RELATION, viewerId)}
      ORDER BY e.post_id DESC
      LIMIT ${limit}
    ) p ON true
    WHERE s.user_id = ${viewerId}
    ORDER BY p.id DESC`);
}

/** The fan-out: the post id into the inbox of every follower and friend of the author who has an inbox. */
export function fanOutSql(postId: number, authorId: number): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO feed_entries (user_id, post_id, author_id)
    SELECT s.user_id, ${postId}, ${authorId}
    FROM feed_states s
    WHERE s.user_id IN (
      SELECT follower_id FROM follows WHERE followee_id = ${authorId}
      UNION SELECT friend_id FROM friendships WHERE user_id = ${authorId}
    )
    ON CONFLICT DO NOTHING`;
}
