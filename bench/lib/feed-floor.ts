// The feed's first page computed without the framework, for the server
// floors (bench/http/floor-servers.ts) and for checking that the app serves
// exactly the same page (bench/http/app.ts).
import crypto from "node:crypto";
import pg from "pg";
import { MAX_POST_ID, mergeRows, presentFeedRow, type FeedRow } from "../../src/server/feed/feed-row";
import { inboxPageSql, pullFeedSql, type Sources } from "../../src/server/feed/feed-sql";

// The feed's SQL is the app's own: the statement builders of
// src/server/feed/feed-sql.ts (inboxPageSql: inbox state + page in one round
// trip, as readInbox() in inbox.ts runs it; pullFeedSql: pullFeed() in
// pull-feed.ts), imported, not copied, so the floors cannot drift from the app.
// The page logic below is getFeed()'s (src/server/feed/get-feed.ts) and the
// JSON is presentFeedRow()/presentPost()'s shape (feed-row.ts, presenters/post.ts).

const PAGE_SIZE = 20; // src/server/posts/list-space-posts.ts (not imported: it pulls in server-only modules)

export type InboxRow = Partial<FeedRow> & { horizon: number; trimmed_at: Date };

/** The two kinds of data call of a feed page; each server implements them with its own client. */
export type FeedQueries = {
  /** inboxPageSql: no rows when the user has no inbox, one row with null post columns when the page is empty. */
  inboxPage(uid: number, before: number, limit: number): Promise<InboxRow[]>;
  pull(uid: number, before: number, limit: number, sources: Sources): Promise<FeedRow[]>;
};

/**
 * getFeed()'s first-page logic, minus readInbox()'s lazy inbox build and hourly
 * trim (writes; the seed builds every inbox and the floors only read).
 */
export async function feedPage(q: FeedQueries, uid: number, beforeParam?: number) {
  const before = beforeParam ?? MAX_POST_ID;
  const limit = PAGE_SIZE + 1;
  const [inboxRows, hot] = await Promise.all([q.inboxPage(uid, before, limit), q.pull(uid, before, limit, "hot")]);
  const first = inboxRows[0];
  if (!first) throw new Error(`user ${uid} has no inbox (feed_states row): the floor servers read seeded inboxes only`);
  const horizon = first.horizon;
  const inbox = inboxRows.filter((r) => r.id != null) as FeedRow[];
  let rows = mergeRows(inbox, hot);
  if (inbox.length < limit && horizon > 0) {
    const deeper = await q.pull(uid, Math.min(before, horizon), limit, "regular");
    rows = mergeRows(rows, deeper);
  }
  const items = rows.slice(0, PAGE_SIZE).map((r) => presentFeedRow(r, uid));
  return { items, nextCursor: rows.length > PAGE_SIZE ? items[items.length - 1]!.id : null };
}

/** A stable name per statement text, for pg's named (server-side) prepared statements. */
const statementNames = new Map<string, string>();
function statementName(text: string) {
  let name = statementNames.get(text);
  if (!name) statementNames.set(text, (name = `feed_${crypto.createHash("sha1").update(text).digest("hex").slice(0, 12)}`));
  return name;
}

export function bareQueries(databaseUrl: string, poolSize = 10): FeedQueries & { end(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const run = async <T extends object>(sql: { text: string; values: unknown[] }) =>
    (await pool.query<T>({ name: statementName(sql.text), text: sql.text, values: sql.values })).rows;
  return {
    inboxPage: (uid, before, limit) => run<InboxRow>(inboxPageSql(uid, before, limit)),
    pull: (uid, before, limit, sources) => run<FeedRow>(pullFeedSql(uid, { before, limit, sources })),
    end: () => pool.end(),
  };
}

export async function prismaQueries(databaseUrl: string): Promise<FeedQueries> {
  // The app's generated client and adapter, as src/server/db.ts builds them (pool 10 = DATABASE_POOL_SIZE's default).
  const { PrismaClient } = await import("../../src/generated/prisma/client");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }) });
  await db.$connect();
  return {
    inboxPage: (uid, before, limit) => db.$queryRaw<InboxRow[]>(inboxPageSql(uid, before, limit)),
    pull: (uid, before, limit, sources) => db.$queryRaw<FeedRow[]>(pullFeedSql(uid, { before, limit, sources })),
  };
}

