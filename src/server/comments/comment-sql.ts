import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db, queryRows } from "@/server/db";
import { prepared } from "@/server/prepared-sql";
import { hiddenCommentCountSql, visibleCommentSql } from "@/server/privacy/comment-sql";
import type { CommentRow } from "./comment-view";

/** On a card: the latest 3 threads with their latest 2 replies (QZone shows a few, then "View all"). */
export const PREVIEW_THREADS = 3;
export const PREVIEW_REPLIES = 2;
/** On the item's own page, per "Show earlier" step. */
export const PAGE_THREADS = 20;
export const PAGE_REPLIES = 10;

/**
 * Runs `source` (a query returning comments rows) and decorates each row in
 * the same statement: author, whom a reply answers, a thread's reply count,
 * whether the viewer liked it, and the post's comment count (read in the same
 * snapshot as the rows, so the card's count agrees with what it shows).
 * Everything goes through the privacy rule (privacy/comment-sql.ts): rows the
 * viewer may not see are dropped, a reply to one of them does not say whom it
 * answers (like a reply whose answered comment was deleted), and both counts
 * leave them out.
 */
export function queryComments(source: Prisma.Sql, viewerId: number | undefined): Promise<CommentRow[]> {
  const visible = (alias: string) => visibleCommentSql(alias, viewerId);
  // Prepared: every source below binds its values (the viewer's id too), so the text is fixed per source.
  // Every feed page runs it: straight on the pool (queryRows), its columns are all plain types.
  return queryRows<CommentRow>(prepared(Prisma.sql`
    WITH src AS (${source}),
    counts AS MATERIALIZED (
      SELECT p.id, p.comment_count - ${hiddenCommentCountSql("p.id", viewerId)} AS n
      FROM posts p WHERE p.id IN (SELECT post_id FROM src)
    )
    SELECT s.id, s.post_id, s.author_id, s.parent_id, s.reply_to_id, s.body, s.like_count, s.created_at,
           u.handle, u.display_name, u.avatar_media_id,
           ru.handle AS reply_handle, ru.display_name AS reply_display_name,
           CASE WHEN s.parent_id IS NULL THEN (SELECT count(*)::int FROM comments x WHERE x.parent_id = s.id AND ${visible("x")}) ELSE 0 END AS reply_count,
           EXISTS (SELECT 1 FROM comment_likes l WHERE l.comment_id = s.id AND l.user_id = ${viewerId ?? 0}) AS liked,
           k.n AS post_comment_count
    FROM src s
    JOIN users u ON u.id = s.author_id
    LEFT JOIN counts k ON k.id = s.post_id
    LEFT JOIN comments rc ON rc.id = s.reply_to_id AND ${visible("rc")}
    LEFT JOIN users ru ON ru.id = rc.author_id
    WHERE ${visible("s")}
    ORDER BY s.id`));
}

/** The post's comment count as `viewerId` is shown it, for when there are no rows to read it from. */
export async function commentCountFor(postId: number, viewerId: number | undefined): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT p.comment_count - ${hiddenCommentCountSql("p.id", viewerId)} AS n FROM posts p WHERE p.id = ${postId}`;
  return row?.n ?? 0;
}

/*
 * The sources below apply the same rule before their LIMITs, so hidden
 * comments never take the place of visible ones on a page or a card.
 */

/**
 * `threads` (a query returning top-level comments rows, aliased "tops"
 * inside) plus the latest `replies` replies of each. A LATERAL ... LIMIT per
 * thread walks the (parent_id, id) index backwards and stops after `replies`
 * rows, however long the thread.
 */
export function withReplies(threads: Prisma.Sql, replies: number, viewerId: number | undefined): Prisma.Sql {
  return Prisma.sql`
    WITH tops AS (${threads})
    SELECT * FROM tops
    UNION ALL
    SELECT r.* FROM tops t CROSS JOIN LATERAL (
      SELECT * FROM comments r WHERE r.parent_id = t.id AND ${visibleCommentSql("r", viewerId)} ORDER BY r.id DESC LIMIT ${replies}
    ) r`;
}

/** The latest `n` top-level comments of each post in `postIds` (one index walk per post, `n` rows each). */
export function latestThreadsOf(postIds: number[], n: number, viewerId: number | undefined): Prisma.Sql {
  return Prisma.sql`
    SELECT c.* FROM unnest(${postIds}::int[]) AS p(id)
    CROSS JOIN LATERAL (
      SELECT * FROM comments c WHERE c.post_id = p.id AND c.parent_id IS NULL AND ${visibleCommentSql("c", viewerId)} ORDER BY c.id DESC LIMIT ${n}
    ) c`;
}

/** Keyset page of one post's top-level comments before `before` (newest `n`, plus one to tell if there are more). */
export function threadsBefore(postId: number, before: number | undefined, n: number, viewerId: number | undefined): Prisma.Sql {
  return Prisma.sql`
    SELECT * FROM comments c
    WHERE c.post_id = ${postId} AND c.parent_id IS NULL AND c.id < ${before ?? 2147483647} AND ${visibleCommentSql("c", viewerId)}
    ORDER BY c.id DESC LIMIT ${n + 1}`;
}

/** Keyset page of one thread's replies before `before` (newest `n`, plus one). */
export function repliesBefore(postId: number, parentId: number, before: number | undefined, n: number, viewerId: number | undefined): Prisma.Sql {
  return Prisma.sql`
    SELECT * FROM comments c
    WHERE c.parent_id = ${parentId} AND c.post_id = ${postId} AND c.id < ${before ?? 2147483647} AND ${visibleCommentSql("c", viewerId)}
    ORDER BY c.id DESC LIMIT ${n + 1}`;
}

/** One comment, decorated. */
export async function commentById(id: number, viewerId: number | undefined): Promise<CommentRow | undefined> {
  const [row] = await queryComments(Prisma.sql`SELECT * FROM comments WHERE id = ${id}`, viewerId);
  return row;
}
