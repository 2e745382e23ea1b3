import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db, queryRows } from "@/server/db";
import { MAX_POST_ID, type FeedRow } from "./feed-row";
import { inboxPageSql, type FeedFilter } from "./feed-sql";
import { pullFeed } from "./pull-feed";

/** Entries kept per inbox (Mastodon keeps 400); older pages are pulled. */
export function inboxCap(): number {
  return Number(process.env.FEED_INBOX_CAP ?? 400);
}
const TRIM_EVERY_MS = 60 * 60 * 1000;

type Client = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

type InboxPage = { horizon: number; rows: FeedRow[] };

/**
 * One round trip: the viewer's inbox state and the entries below `before` (at
 * or above the horizon) that the viewer may still see, newest first. Null when
 * the viewer has no inbox yet. `filter`: the home feed's kind/author filters.
 */
async function readInboxOnce(viewerId: number, before: number, limit: number, filter?: FeedFilter): Promise<(InboxPage & { trimmedAt: Date }) | null> {
  // Every feed read runs it: straight on the pool, as a prepared statement (src/server/db.ts queryRows).
  const rows = await queryRows<Partial<FeedRow> & { horizon: number; trimmed_at: Date }>(inboxPageSql(viewerId, before, limit, filter));
  const first = rows[0];
  if (!first) return null;
  return {
    horizon: first.horizon,
    trimmedAt: first.trimmed_at,
    rows: rows.filter((r) => r.id != null) as FeedRow[],
  };
}

/**
 * The viewer's inbox page (see readInboxOnce), building the inbox first if
 * there is none (new or returning user) and trimming it at most hourly.
 */
export async function readInbox(viewerId: number, opts: { before: number; limit: number; filter?: FeedFilter }): Promise<InboxPage> {
  const page = await readInboxOnce(viewerId, opts.before, opts.limit, opts.filter);
  if (page && Date.now() - page.trimmedAt.getTime() <= TRIM_EVERY_MS) return page;
  if (page) await trimInbox(viewerId);
  else await ensureInbox(viewerId);
  return (await readInboxOnce(viewerId, opts.before, opts.limit, opts.filter)) ?? { horizon: 0, rows: [] };
}

/**
 * Builds the user's inbox if there is none. The state row is written BEFORE
 * the pull, so fan-out starts delivering at once and no post can fall between
 * the two.
 */
export async function ensureInbox(userId: number): Promise<void> {
  const inserted = await db.$executeRaw`INSERT INTO feed_states (user_id, horizon) VALUES (${userId}, ${MAX_POST_ID}) ON CONFLICT DO NOTHING`;
  if (inserted === 0) return;
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
 * At most a cap's worth is copied; when the author has more above the horizon,
 * the horizon rises to the oldest copied post, so deeper pages are pulled and
 * none of the author's older posts go missing.
 */
export async function mergeAuthorIntoInbox(client: Client, userId: number, authorId: number) {
  const cap = inboxCap();
  await client.$executeRaw`
    WITH picked AS (
      SELECT s.user_id, p.id, p.author_id
      FROM feed_states s
      CROSS JOIN LATERAL (
        SELECT id, author_id FROM posts
        WHERE author_id = ${authorId} AND id >= s.horizon AND audience <> 'ONLY_ME'
        ORDER BY id DESC LIMIT ${cap}
      ) p
      WHERE s.user_id = ${userId}
    ), merged AS (
      INSERT INTO feed_entries (user_id, post_id, author_id)
      SELECT user_id, id, author_id FROM picked
      ON CONFLICT DO NOTHING
    )
    UPDATE feed_states SET horizon = GREATEST(horizon, (SELECT min(id) FROM picked))
    WHERE user_id = ${userId} AND (SELECT count(*) FROM picked) >= ${cap}`;
}

/** The author's own post goes into their own inbox at once (no job), so they see it immediately. */
export async function deliverToSelf(client: Client, postId: number, authorId: number) {
  await client.$executeRaw`
    INSERT INTO feed_entries (user_id, post_id, author_id)
    SELECT user_id, ${postId}, ${authorId} FROM feed_states WHERE user_id = ${authorId}
    ON CONFLICT DO NOTHING`;
}
