import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { visibleAudiencesSql } from "@/server/privacy";
import { MAX_POST_ID, type FeedRow } from "./feed-row";
import { pullFeed } from "./pull-feed";

/** Entries kept per inbox (Mastodon keeps 400); older pages are pulled. */
export function inboxCap(): number {
  return Number(process.env.FEED_INBOX_CAP ?? 400);
}
const TRIM_EVERY_MS = 60 * 60 * 1000;

type Client = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

// The viewer's relation to an entry's author, recomputed at read time so an
// entry from someone no longer followed (or no longer a friend) is not shown.
const ENTRY_RELATION = `(CASE WHEN e.author_id = e.user_id THEN 'owner' WHEN fr.user_id IS NOT NULL THEN 'friend' WHEN fo.follower_id IS NOT NULL THEN 'follower' ELSE 'none' END)`;

/** Inbox entries below `before` (and at or above the horizon) that the viewer may still see, newest first. */
export function readInbox(viewerId: number, opts: { before: number; horizon: number; limit: number }): Promise<FeedRow[]> {
  return db.$queryRaw<FeedRow[]>`
    SELECT p.id, p.author_id, p.body, p.audience, p.created_at, u.handle, u.display_name
    FROM feed_entries e
    JOIN posts p ON p.id = e.post_id
    JOIN users u ON u.id = e.author_id AND NOT u.hot
    LEFT JOIN friendships fr ON fr.user_id = e.user_id AND fr.friend_id = e.author_id
    LEFT JOIN follows fo ON fo.follower_id = e.user_id AND fo.followee_id = e.author_id
    WHERE e.user_id = ${viewerId} AND e.post_id < ${opts.before} AND e.post_id >= ${opts.horizon}
      AND p.audience = ANY(${visibleAudiencesSql(ENTRY_RELATION)})
    ORDER BY e.post_id DESC
    LIMIT ${opts.limit}`;
}

/**
 * The viewer's inbox state, building the inbox first if there is none (new
 * or returning user). The state row is written BEFORE the pull, so fan-out
 * starts delivering at once and no post can fall between the two.
 */
export async function ensureInbox(userId: number): Promise<{ horizon: number }> {
  const [state] = await db.$queryRaw<{ horizon: number; trimmed_at: Date }[]>`
    SELECT horizon, trimmed_at FROM feed_states WHERE user_id = ${userId}`;
  if (state) {
    if (Date.now() - state.trimmed_at.getTime() > TRIM_EVERY_MS) return trimInbox(userId);
    return { horizon: state.horizon };
  }
  await db.$executeRaw`INSERT INTO feed_states (user_id, horizon) VALUES (${userId}, ${MAX_POST_ID}) ON CONFLICT DO NOTHING`;
  const cap = inboxCap();
  const rows = await pullFeed(userId, { before: MAX_POST_ID, limit: cap, sources: "regular" });
  if (rows.length) {
    const ids = rows.map((r) => r.id);
    const authors = rows.map((r) => r.author_id);
    await db.$executeRaw`
      INSERT INTO feed_entries (user_id, post_id, author_id)
      SELECT ${userId}, unnest(${ids}::int[]), unnest(${authors}::int[])
      ON CONFLICT DO NOTHING`;
  }
  const horizon = rows.length < cap ? 0 : rows[rows.length - 1]!.id;
  await db.$executeRaw`UPDATE feed_states SET horizon = ${horizon}, trimmed_at = now() WHERE user_id = ${userId}`;
  return { horizon };
}

/** Drops entries beyond the cap and raises the horizon to match. */
export async function trimInbox(userId: number): Promise<{ horizon: number }> {
  const [cut] = await db.$queryRaw<{ post_id: number }[]>`
    SELECT post_id FROM feed_entries WHERE user_id = ${userId} ORDER BY post_id DESC OFFSET ${inboxCap() - 1} LIMIT 1`;
  if (cut) await db.$executeRaw`DELETE FROM feed_entries WHERE user_id = ${userId} AND post_id < ${cut.post_id}`;
  const [state] = await db.$queryRaw<{ horizon: number }[]>`
    UPDATE feed_states SET horizon = GREATEST(horizon, ${cut?.post_id ?? 0}), trimmed_at = now()
    WHERE user_id = ${userId} RETURNING horizon`;
  return { horizon: state?.horizon ?? 0 };
}

/**
 * A new source (follow, friendship): merge the author's recent posts into the
 * user's inbox, down to its horizon. No-op for users without an inbox.
 */
export async function mergeAuthorIntoInbox(client: Client, userId: number, authorId: number) {
  await client.$executeRaw`
    INSERT INTO feed_entries (user_id, post_id, author_id)
    SELECT s.user_id, p.id, p.author_id
    FROM feed_states s
    CROSS JOIN LATERAL (
      SELECT id, author_id FROM posts
      WHERE author_id = ${authorId} AND id >= s.horizon AND audience <> 'ONLY_ME'
      ORDER BY id DESC LIMIT ${inboxCap()}
    ) p
    WHERE s.user_id = ${userId}
    ON CONFLICT DO NOTHING`;
}

/** The author's own post goes into their own inbox at once (no job), so they see it immediately. */
export async function deliverToSelf(client: Client, postId: number, authorId: number) {
  await client.$executeRaw`
    INSERT INTO feed_entries (user_id, post_id, author_id)
    SELECT user_id, ${postId}, ${authorId} FROM feed_states WHERE user_id = ${authorId}
    ON CONFLICT DO NOTHING`;
}
