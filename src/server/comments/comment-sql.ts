import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { blockedPairSql } from "@/server/privacy/relation-sql";
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
 */
export function queryComments(source: Prisma.Sql, viewerId: number | undefined): Promise<CommentRow[]> {
  return db.$queryRaw<CommentRow[]>`
    WITH src AS (${source})
    SELECT s.id, s.post_id, s.author_id, s.parent_id, s.reply_to_id, s.body, s.like_count, s.created_at,
           u.handle, u.display_name, u.avatar_media_id,
           ru.handle AS reply_handle, ru.display_name AS reply_display_name,
           CASE WHEN s.parent_id IS NULL THEN (SELECT count(*)::int FROM comments x WHERE x.parent_id = s.id) ELSE 0 END AS reply_count,
           EXISTS (SELECT 1 FROM comment_likes l WHERE l.comment_id = s.id AND l.user_id = ${viewerId ?? 0}) AS liked,
           (SELECT p.comment_count FROM posts p WHERE p.id = s.post_id) AS post_comment_count
    FROM src s
    JOIN users u ON u.id = s.author_id
    LEFT JOIN comments rc ON rc.id = s.reply_to_id
    LEFT JOIN users ru ON ru.id = rc.author_id
    -- The other side of a block: their comments are not shown (privacy/relation-sql.ts).
    WHERE ${viewerId ? Prisma.sql`NOT ${blockedPairSql("s.author_id", String(Math.trunc(viewerId)))}` : Prisma.sql`TRUE`}
    ORDER BY s.id`;
}

/**
 * `threads` (a query returning top-level comments rows, aliased "tops"
 * inside) plus the latest `replies` replies of each. A LATERAL ... LIMIT per
 * thread walks the (parent_id, id) index backwards and stops after `replies`
 * rows, however long the thread.
 */
export function withReplies(threads: Prisma.Sql, replies: number): Prisma.Sql {
  return Prisma.sql`
    WITH tops AS (${threads})
    SELECT * FROM tops
    UNION ALL
    SELECT r.* FROM tops t CROSS JOIN LATERAL (
      SELECT * FROM comments r WHERE r.parent_id = t.id ORDER BY r.id DESC LIMIT ${replies}
    ) r`;
}

/** The latest `n` top-level comments of each post in `postIds` (one index walk per post, `n` rows each). */
export function latestThreadsOf(postIds: number[], n: number): Prisma.Sql {
  return Prisma.sql`
    SELECT c.* FROM unnest(${postIds}::int[]) AS p(id)
    CROSS JOIN LATERAL (
      SELECT * FROM comments c WHERE c.post_id = p.id AND c.parent_id IS NULL ORDER BY c.id DESC LIMIT ${n}
    ) c`;
}

/** Keyset page of one post's top-level comments before `before` (newest `n`, plus one to tell if there are more). */
export function threadsBefore(postId: number, before: number | undefined, n: number): Prisma.Sql {
  return Prisma.sql`
    SELECT * FROM comments
    WHERE post_id = ${postId} AND parent_id IS NULL AND id < ${before ?? 2147483647}
    ORDER BY id DESC LIMIT ${n + 1}`;
}

/** Keyset page of one thread's replies before `before` (newest `n`, plus one). */
export function repliesBefore(postId: number, parentId: number, before: number | undefined, n: number): Prisma.Sql {
  return Prisma.sql`
    SELECT * FROM comments
    WHERE parent_id = ${parentId} AND post_id = ${postId} AND id < ${before ?? 2147483647}
    ORDER BY id DESC LIMIT ${n + 1}`;
}

/** One comment, decorated. */
export async function commentById(id: number, viewerId: number | undefined): Promise<CommentRow | undefined> {
  const [row] = await queryComments(Prisma.sql`SELECT * FROM comments WHERE id = ${id}`, viewerId);
  return row;
}
