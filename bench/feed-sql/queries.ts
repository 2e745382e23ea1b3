// The feed's reads on the benchmark's one connection (a plain `pg` client,
// server-side prepared statements): the app's pull and inbox statements,
// timed, and getFeed's page built from them.
import pg from "pg";
import { mergeRows, type FeedRow } from "../../src/server/feed/feed-row";
import { benchDatabaseUrl } from "../lib/tiers";
import { inboxPageStatement, loadAppSql, PAGE_LIMIT, pullStatement, type Statement } from "../sql/app-sql";
import { tier } from "./config";

export const sql = loadAppSql(); // throws if the app's feed SQL changed since bench/sql/ was copied
export const client = new pg.Client({ connectionString: benchDatabaseUrl(tier), application_name: "bench:feed-sql" });

export async function run<T extends pg.QueryResultRow = pg.QueryResultRow>(st: Statement): Promise<{ ms: number; rows: T[]; rowCount: number }> {
  const t0 = performance.now();
  const r = await client.query<T>({ name: st.name, text: st.text, values: st.values });
  return { ms: performance.now() - t0, rows: r.rows, rowCount: r.rowCount ?? 0 };
}

export const pullSql = (viewerId: number, before: number, limit: number, sources: "all" | "regular") => pullStatement(viewerId, { before, limit, sources });
/** hotAccountIds() (src/server/feed/hot-accounts.ts) is an in-memory cache refreshed every few seconds: read once per run here. */
export let hotIds: number[] = [];
export const hotPullSql = (viewerId: number, before: number, limit: number) => pullStatement(viewerId, { before, limit, sources: "hot", hotIds });

/** Reads the hot accounts once for the run (into hotIds, which hybrid() and the hot pulls use). */
export async function readHotIds(): Promise<number[]> {
  // hotAccountIds()'s query (a Prisma findMany: SELECT id FROM users WHERE hot).
  hotIds = (await client.query<{ id: number }>("SELECT id FROM users WHERE hot")).rows.map((r) => r.id);
  return hotIds;
}

export type InboxPageRow = Partial<FeedRow> & { horizon: number; trimmed_at: Date };
/** readInbox's one round trip (src/server/feed/inbox.ts readInboxOnce): null when the user has no inbox. */
export async function inboxPage(userId: number, before: number, limit = PAGE_LIMIT) {
  const r = await run<InboxPageRow>(inboxPageStatement(userId, before, limit));
  const first = r.rows[0];
  return { ms: r.ms, state: first ? { horizon: first.horizon, trimmedAt: first.trimmed_at } : null, rows: r.rows.filter((x) => x.id != null) as FeedRow[] };
}

export type HybridTiming = { inbox: number; hot: number | null; fallback: number | null; rows: FeedRow[]; inboxRows: number };

/** getFeed's SQL for one page (src/server/feed/get-feed.ts), statement by statement on one connection. */
export async function hybrid(userId: number, before: number, limit = PAGE_LIMIT): Promise<HybridTiming> {
  const inbox = await inboxPage(userId, before, limit);
  if (!inbox.state) throw new Error(`user ${userId} has no inbox (feed_states row): seed the tier with inboxes`);
  const horizon = inbox.state.horizon;
  // getFeed skips the hot pull when there are no hot accounts.
  const hot = hotIds.length ? await run<FeedRow>(hotPullSql(userId, before, limit)) : null;
  let rows = mergeRows(inbox.rows, hot?.rows ?? []);
  let fallback: number | null = null;
  if (inbox.rows.length < limit && horizon > 0) {
    const deeper = await run<FeedRow>(pullSql(userId, Math.min(before, horizon), limit, "regular"));
    rows = mergeRows(rows, deeper.rows);
    fallback = deeper.ms;
  }
  return { inbox: inbox.ms, hot: hot?.ms ?? null, fallback, rows, inboxRows: inbox.rows.length };
}

/** Rows inserted + updated + deleted so far in the feed's tables (to see other writers during the measurements). */
export async function tableWrites(): Promise<Record<string, number>> {
  const { rows } = await client.query<{ relname: string; n: string }>(`
    SELECT relname, (n_tup_ins + n_tup_upd + n_tup_del)::text AS n FROM pg_stat_user_tables
    WHERE relname IN ('posts', 'feed_entries', 'feed_states', 'follows', 'friendships', 'users')`);
  return Object.fromEntries(rows.map((r) => [r.relname, Number(r.n)]));
}
