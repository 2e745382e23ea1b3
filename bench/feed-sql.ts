// Workload 1, "Feed SQL floor": the feed's SQL alone, on a plain `pg` client
// (server-side prepared statements, one connection, one process), for users
// bucketed by how many people they follow (friends + follows, distinct).
//
//   npx tsx bench/feed-sql.ts --tier S            full run (tier S: ~5 min)
//   npx tsx bench/feed-sql.ts --tier tiny --quick CI smoke run (< 60 s)
//   options: --reps N  --users N (per bucket)  --seed N
//            --plan-cache auto|force_generic_plan (default force_custom_plan, as
//            the app plans; other modes write feed-sql-<tier>-<mode>.json)
//
// Designs, each with the SQL the app runs (the app's builders in
// src/server/feed/feed-sql.ts; the few inline statements are copied in
// bench/sql/ and checked against the app's source at start-up):
//   pull     pullFeedSql(sources "all") alone (the pure pull design)
//   inbox    inboxPageSql alone: readInbox's one round trip (state + page)
//   hot      pullFeedSql(sources "hot", hotIds), which getFeed runs alongside
//            when there are hot accounts (hotAccountIds(), an in-memory cache
//            refreshed every few seconds: read once per run here)
//   hybrid   getFeed's path: inbox page + hot pull if any hot accounts (+ the
//            "regular" pull below the horizon when the inbox runs short), one
//            after the other on one connection, summed
//   hybrid|| the same with inbox page and hot pull overlapped as getFeed runs
//            them (Promise.all on the pool): max(inbox, hot) + fallback
// Pages: first; deep (before = id of the ~200th item of the user's feed);
// past-horizon (before = the inbox horizon: the page getFeed must pull).
//
// Also: feed_entries size, inbox build cost (ensureInbox's statements after
// deleting the user's inbox, in a transaction rolled back), the hourly trim,
// and fan-out INSERT cost by follower count (rolled back). Writes
// bench/results/feed-sql-<tier>.json.
//
// Plans: Prisma's adapter-pg sends unnamed statements, which Postgres plans
// with the actual parameters on every execution. Named prepared statements
// would switch to a generic plan after 5 runs, so the session sets
// plan_cache_mode = force_custom_plan to plan like the app.
import os from "node:os";
import pg from "pg";
import { mergeRows, MAX_POST_ID, type FeedRow } from "../src/server/feed/feed-row";
import { noisyCheck, median, round, spread, summarize } from "./lib/stats";
import { benchDatabaseUrl, parseTier, writeResult } from "./lib/tiers";
import {
  HOT_THRESHOLD,
  INBOX_CAP,
  PAGE_LIMIT,
  PAGE_SIZE,
  TRIM_EVERY_MS,
  fanOutStatement,
  inboxPageStatement,
  loadAppSql,
  pullStatement,
  render,
  type Statement,
} from "./sql/app-sql";

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2);
const tier = parseTier(process.argv);
const quick = argv.includes("--quick");
function numArg(name: string): number | undefined {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const n = Number(argv[i + 1]);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} needs a positive number`);
  return n;
}
const REPS = numArg("--reps") ?? (quick ? 3 : 5);
const USERS_PER_BUCKET = numArg("--users") ?? (quick ? 20 : 30);
const SEED = numArg("--seed") ?? 20261126;
/** Default force_custom_plan = how the app's unnamed statements are planned; "auto" shows what named statements (generic plans) would give. */
const PLAN_CACHE = (() => {
  const i = argv.indexOf("--plan-cache");
  const v = i >= 0 ? argv[i + 1] : "force_custom_plan";
  if (v !== "force_custom_plan" && v !== "auto" && v !== "force_generic_plan") throw new Error("--plan-cache must be force_custom_plan, auto or force_generic_plan");
  return v;
})();
const BUILD_SAMPLE = quick ? 5 : 20;
const BUILD_REPS = quick ? 1 : 3;
const FANOUT_AUTHORS_PER_TARGET = quick ? 1 : 3;
const FANOUT_REPS = quick ? 2 : 5;
const DEEP_ITEM = 200;
/** Cells with fewer users than this (e.g. a nearly empty bucket) do not count in the noisy-run check. */
const MIN_USERS = 5;

const BUCKETS = [
  { label: "1-10", lo: 1, hi: 10 },
  { label: "11-100", lo: 11, hi: 100 },
  { label: "101-500", lo: 101, hi: 500 },
  { label: "501-1000", lo: 501, hi: 1000 },
  { label: "1001-5000", lo: 1001, hi: 5000 },
] as const;
/** Targets (feed SQL p95): <= 3 ms following up to 500, <= 20 ms at 5,000 (applied to 501-5000). */
const targetMs = (hi: number) => (hi <= 500 ? 3 : 20);

type Page = "first" | "deep" | "past-horizon";
type Design = "pull" | "inbox" | "hot" | "hybrid" | "hybrid||";
const PAGES: Page[] = ["first", "deep", "past-horizon"];
/** Which (design, page) cells are printed; every measured cell is in the JSON. */
const PRINTED: Array<[Design, Page]> = [
  ["pull", "first"],
  ["inbox", "first"],
  ["hot", "first"],
  ["hybrid", "first"],
  ["hybrid||", "first"],
  ["pull", "deep"],
  ["inbox", "deep"],
  ["hybrid", "deep"],
  ["hybrid||", "deep"],
  ["pull", "past-horizon"],
  ["hybrid", "past-horizon"],
  ["hybrid||", "past-horizon"],
];

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function shuffle<T>(xs: T[], rand: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

// ---------------------------------------------------------------- database
const sql = loadAppSql(); // throws if the app's feed SQL changed since bench/sql/ was copied
const client = new pg.Client({ connectionString: benchDatabaseUrl(tier), application_name: "bench:feed-sql" });

async function run<T extends pg.QueryResultRow = pg.QueryResultRow>(st: Statement): Promise<{ ms: number; rows: T[]; rowCount: number }> {
  const t0 = performance.now();
  const r = await client.query<T>({ name: st.name, text: st.text, values: st.values });
  return { ms: performance.now() - t0, rows: r.rows, rowCount: r.rowCount ?? 0 };
}

const pullSql = (viewerId: number, before: number, limit: number, sources: "all" | "regular") => pullStatement(viewerId, { before, limit, sources });
/** hotAccountIds() (src/server/feed/hot-accounts.ts) is an in-memory cache refreshed every few seconds: read once per run here. */
let hotIds: number[] = [];
const hotPullSql = (viewerId: number, before: number, limit: number) => pullStatement(viewerId, { before, limit, sources: "hot", hotIds });

type InboxPageRow = Partial<FeedRow> & { horizon: number; trimmed_at: Date };
/** readInbox's one round trip (src/server/feed/inbox.ts readInboxOnce): null when the user has no inbox. */
async function inboxPage(userId: number, before: number, limit = PAGE_LIMIT) {
  const r = await run<InboxPageRow>(inboxPageStatement(userId, before, limit));
  const first = r.rows[0];
  return { ms: r.ms, state: first ? { horizon: first.horizon, trimmedAt: first.trimmed_at } : null, rows: r.rows.filter((x) => x.id != null) as FeedRow[] };
}

type HybridTiming = { inbox: number; hot: number | null; fallback: number | null; rows: FeedRow[]; inboxRows: number };

/** getFeed's SQL for one page (src/server/feed/get-feed.ts), statement by statement on one connection. */
async function hybrid(userId: number, before: number, limit = PAGE_LIMIT): Promise<HybridTiming> {
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

// ---------------------------------------------------------------- sampling
type Sampled = { id: number; following: number; bucket: string; horizon: number; trimmedAt: Date; cursors: Partial<Record<Page, number>> };

async function sampleUsers() {
  const { rows } = await client.query<{ id: number; n: number; horizon: number | null; trimmed_at: Date | null }>(`
    SELECT u.id, x.n, s.horizon, s.trimmed_at
    FROM users u
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS n FROM (
        SELECT friend_id FROM friendships WHERE user_id = u.id
        UNION SELECT followee_id FROM follows WHERE follower_id = u.id
      ) o
    ) x
    LEFT JOIN feed_states s ON s.user_id = u.id
    ORDER BY x.n, u.id`);
  const population: Record<string, number> = {};
  const sampled: Sampled[] = [];
  let withoutInbox = 0;
  for (const b of BUCKETS) {
    const all = rows.filter((r) => r.n >= b.lo && r.n <= b.hi);
    population[b.label] = all.length;
    const inBucket = all.filter((r) => r.horizon !== null);
    withoutInbox += all.length - inBucket.length;
    // Evenly spaced ranks over the bucket sorted by following count: deterministic and stratified.
    const k = Math.min(USERS_PER_BUCKET, inBucket.length);
    for (let i = 0; i < k; i++) {
      const r = inBucket[Math.floor(((i + 0.5) * inBucket.length) / k)]!;
      sampled.push({ id: r.id, following: r.n, bucket: b.label, horizon: r.horizon!, trimmedAt: r.trimmed_at!, cursors: { first: MAX_POST_ID } });
    }
  }
  const maxFollowing = rows.length ? rows[rows.length - 1]!.n : 0;
  return { sampled, population, withoutInbox, maxFollowing };
}

// ---------------------------------------------------------------- measurement
type Cell = { bucket: string; design: Design; page: Page; perRep: number[][]; fallbacks: number[] };
const cells = new Map<string, Cell>();
function record(bucket: string, design: Design, page: Page, rep: number, ms: number) {
  const key = `${bucket}|${design}|${page}`;
  let c = cells.get(key);
  if (!c) cells.set(key, (c = { bucket, design, page, perRep: Array.from({ length: REPS }, () => []), fallbacks: [] }));
  c.perRep[rep]!.push(ms);
}

const ids = (rows: FeedRow[]) => rows.slice(0, PAGE_SIZE).map((r) => r.id);

async function measurePage(u: Sampled, page: Page, rep: number | null, pullFirst: boolean, mismatches: string[]) {
  const before = u.cursors[page];
  if (before === undefined) return;
  const doPull = () => run<FeedRow>(pullSql(u.id, before, PAGE_LIMIT, "all"));
  let p: Awaited<ReturnType<typeof doPull>>;
  let h: HybridTiming;
  if (pullFirst) {
    p = await doPull();
    h = await hybrid(u.id, before);
  } else {
    h = await hybrid(u.id, before);
    p = await doPull();
  }
  if (rep === null) {
    // Warm-up pass: the hybrid page must equal the pull page (as feed-inbox.test.ts demands).
    const a = ids(p.rows).join(",");
    const b = ids(h.rows).join(",");
    const moreA = p.rows.length > PAGE_SIZE;
    const moreB = h.rows.length > PAGE_SIZE;
    if (a !== b || moreA !== moreB) mismatches.push(`user ${u.id} (${u.following} followed) page ${page}: pull [${a.slice(0, 60)}...] vs hybrid [${b.slice(0, 60)}...]`);
    return;
  }
  const seq = h.inbox + (h.hot ?? 0) + (h.fallback ?? 0);
  const par = Math.max(h.inbox, h.hot ?? 0) + (h.fallback ?? 0);
  record(u.bucket, "pull", page, rep, p.ms);
  if (page !== "past-horizon") record(u.bucket, "inbox", page, rep, h.inbox);
  if (h.hot !== null) record(u.bucket, "hot", page, rep, h.hot);
  record(u.bucket, "hybrid", page, rep, seq);
  record(u.bucket, "hybrid||", page, rep, par);
  if (rep === 0) {
    cells.get(`${u.bucket}|hybrid|${page}`)!.fallbacks.push(h.fallback === null ? 0 : 1);
  }
}

/** Rows inserted + updated + deleted so far in the feed's tables (to see other writers during the measurements). */
async function tableWrites(): Promise<Record<string, number>> {
  const { rows } = await client.query<{ relname: string; n: string }>(`
    SELECT relname, (n_tup_ins + n_tup_upd + n_tup_del)::text AS n FROM pg_stat_user_tables
    WHERE relname IN ('posts', 'feed_entries', 'feed_states', 'follows', 'friendships', 'users')`);
  return Object.fromEntries(rows.map((r) => [r.relname, Number(r.n)]));
}

// ---------------------------------------------------------------- inbox build, trim, fan-out
async function inTransaction<T>(fn: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    return await fn();
  } finally {
    await client.query("ROLLBACK");
  }
}

/**
 * A first visit by a user without an inbox, as readInbox() runs it: the inbox
 * page read (no state row), ensureInbox() (state row, regular pull of the
 * cap, insert, horizon), the page read again. After deleting the user's
 * inbox, in a transaction rolled back.
 */
async function measureInboxBuild(userId: number) {
  return inTransaction(async () => {
    await client.query("DELETE FROM feed_entries WHERE user_id = $1", [userId]);
    await client.query("DELETE FROM feed_states WHERE user_id = $1", [userId]);
    const t0 = performance.now();
    const before = await inboxPage(userId, MAX_POST_ID);
    if (before.state) throw new Error("feed_states row still there");
    const tb = performance.now();
    const created = await run(render(sql, "inbox.ensure_create_state", { userId: { value: userId }, MAX_POST_ID: { value: MAX_POST_ID } }));
    if (created.rowCount !== 1) throw new Error("ensureInbox's state insert did nothing");
    const pull = await run<FeedRow>(pullSql(userId, MAX_POST_ID, INBOX_CAP, "regular"));
    let insertMs = 0;
    if (pull.rows.length) {
      const ins = await run(
        render(sql, "inbox.ensure_insert_entries", {
          userId: { value: userId },
          ids: { value: pull.rows.map((r) => r.id) },
          authors: { value: pull.rows.map((r) => r.author_id) },
        }),
      );
      insertMs = ins.ms;
    }
    const horizon = pull.rows.length < INBOX_CAP ? 0 : pull.rows[pull.rows.length - 1]!.id;
    await run(render(sql, "inbox.ensure_set_horizon", { horizon: { value: horizon }, userId: { value: userId } }));
    const buildMs = performance.now() - tb;
    await inboxPage(userId, MAX_POST_ID);
    return { totalMs: buildMs, firstReadMs: performance.now() - t0, pullMs: pull.ms, insertMs, entries: pull.rows.length };
  });
}

/** trimInbox() (run by ensureInbox once an hour per user); rolled back. */
async function measureTrim(userId: number) {
  return inTransaction(async () => {
    const t0 = performance.now();
    const cut = await run<{ post_id: number }>(render(sql, "inbox.trim_cut", { userId: { value: userId }, "inboxCap() - 1": { value: INBOX_CAP - 1 } }));
    const c = cut.rows[0];
    let deleted = 0;
    if (c) deleted = (await run(render(sql, "inbox.trim_delete", { userId: { value: userId }, "cut.post_id": { value: c.post_id } }))).rowCount;
    await run(render(sql, "inbox.trim_update", { "cut?.post_id ?? 0": { value: c?.post_id ?? 0 }, userId: { value: userId } }));
    return { ms: performance.now() - t0, deleted };
  });
}

let probeId = 2_000_000_000; // ids for the rolled-back probe posts, far above the sequence, never committed

/** fanOutPost() (src/server/feed/fan-out.ts) for a fresh post by `authorId`; rolled back. */
async function measureFanOut(authorId: number) {
  return inTransaction(async () => {
    const postId = probeId++;
    await client.query(`INSERT INTO posts (id, author_id, body, audience) VALUES ($1, $2, 'bench fan-out probe', 'PUBLIC')`, [postId, authorId]);
    const t0 = performance.now();
    const post = await run<{ author_id: number; audience: string }>(render(sql, "fan-out.post", { postId: { value: postId } }));
    const a = post.rows[0]!.author_id;
    const count = await run<{ n: number }>(render(sql, "fan-out.count_sources", { "post.author_id": { value: a }, "limit + 1": { value: HOT_THRESHOLD + 1 } }));
    if (count.rows[0]!.n > HOT_THRESHOLD) return { hot: true, insertMs: 0, jobMs: performance.now() - t0, delivered: 0 };
    const ins = await run(fanOutStatement(postId, a));
    return { hot: false, insertMs: ins.ms, jobMs: performance.now() - t0, delivered: ins.rowCount };
  });
}

// ---------------------------------------------------------------- output helpers
const fmt = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? "-" : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
function printTable(headers: string[], rows: string[][], rightAlign: boolean[]) {
  const w = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cols: string[]) => cols.map((c, i) => (rightAlign[i] ? c.padStart(w[i]!) : c.padEnd(w[i]!))).join("  ");
  console.log(line(headers));
  console.log(w.map((n) => "-".repeat(n)).join("  "));
  for (const r of rows) console.log(r.length ? line(r) : "");
}

// ---------------------------------------------------------------- main
async function main() {
  const started = Date.now();
  const load0 = os.loadavg();
  await client.connect();
  await client.query(`SET plan_cache_mode = ${PLAN_CACHE}`);
  const settings = (
    await client.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings WHERE name IN ('jit','shared_buffers','work_mem','effective_cache_size','random_page_cost','plan_cache_mode','server_version')`,
    )
  ).rows.reduce<Record<string, string>>((o, r) => ((o[r.name] = r.setting), o), {});
  // hotAccountIds()'s query (a Prisma findMany: SELECT id FROM users WHERE hot).
  hotIds = (await client.query<{ id: number }>("SELECT id FROM users WHERE hot")).rows.map((r) => r.id);
  const hotAccounts = hotIds.length;

  console.log(`feed-sql: tier ${tier}${quick ? " (quick)" : ""}, plan_cache_mode ${PLAN_CACHE}, ${REPS} repetitions, up to ${USERS_PER_BUCKET} users per bucket; jit=${settings.jit}, ${hotAccounts} hot accounts; load ${load0.map((x) => x.toFixed(1)).join(" ")}`);
  const t = Date.now();
  const { sampled, population, withoutInbox, maxFollowing } = await sampleUsers();
  if (!sampled.length) throw new Error(`no users with follows and an inbox in ${benchDatabaseUrl(tier)}: run npm run bench:seed -- --tier ${tier}`);

  // Cursors: the ~200th item of the user's feed, and the inbox horizon. The feed's top 200 is read
  // the hybrid way with a limit of 200 (cheap; the pull with a per-source limit of 200 takes seconds
  // for heavy users); the warm-up pass then checks every page against the pull query anyway.
  for (const u of sampled) {
    const r = await hybrid(u.id, MAX_POST_ID, DEEP_ITEM);
    if (r.rows.length >= DEEP_ITEM) u.cursors.deep = r.rows[DEEP_ITEM - 1]!.id;
    if (u.horizon > 0) u.cursors["past-horizon"] = u.horizon;
  }
  console.log(`sampled ${sampled.length} users in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  // Warm-up pass (not recorded), which also checks hybrid == pull on every page.
  const writesBefore = await tableWrites();
  const firstMismatches: string[] = [];
  for (const u of sampled) for (const page of PAGES) await measurePage(u, page, null, true, firstMismatches);
  // A mismatch can be a post whose fan-out job has not run yet (another benchmark writing to this
  // database): check those pages again after a pause; only what persists is reported as a mismatch.
  const transientMismatches: string[] = [];
  const mismatches: string[] = [];
  if (firstMismatches.length) {
    await new Promise((r) => setTimeout(r, 3000));
    for (const m of firstMismatches) {
      const [, id, page] = /^user (\d+) .* page (\S+):/.exec(m)!;
      const u = sampled.find((x) => x.id === Number(id))!;
      const again: string[] = [];
      await measurePage(u, page as Page, null, true, again);
      (again.length ? mismatches : transientMismatches).push(again[0] ?? m);
    }
  }

  const repSeconds: number[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    const r0 = Date.now();
    const rand = rng(SEED + rep);
    for (const u of shuffle(sampled, rand)) {
      for (const page of shuffle(PAGES, rand)) await measurePage(u, page, rep, rand() < 0.5, mismatches);
    }
    repSeconds.push((Date.now() - r0) / 1000);
    process.stdout.write(`  repetition ${rep + 1}/${REPS}: ${repSeconds[rep]!.toFixed(1)} s\n`);
  }
  const writesAfter = await tableWrites();
  const concurrentWrites = Object.fromEntries(
    Object.keys(writesAfter)
      .map((t) => [t, writesAfter[t]! - (writesBefore[t] ?? 0)] as const)
      .filter(([, n]) => n > 0),
  );

  // Server-side breakdown, one pass: planning vs execution (EXPLAIN ANALYZE, custom plans like the app's).
  const explain: Array<{ bucket: string; design: "pull" | "inbox" | "hot"; planMs: number; execMs: number }> = [];
  for (const u of sampled) {
    for (const [design, st] of [
      ["pull", pullSql(u.id, MAX_POST_ID, PAGE_LIMIT, "all")],
      ["inbox", inboxPageStatement(u.id, MAX_POST_ID, PAGE_LIMIT)],
      ...(hotIds.length ? ([["hot", hotPullSql(u.id, MAX_POST_ID, PAGE_LIMIT)]] as const) : []),
    ] as const) {
      const r = await client.query<{ "QUERY PLAN": Array<{ "Planning Time": number; "Execution Time": number }> }>({
        text: `EXPLAIN (ANALYZE, FORMAT JSON) ${st.text}`,
        values: st.values,
      });
      const plan = r.rows[0]!["QUERY PLAN"][0]!;
      explain.push({ bucket: u.bucket, design, planMs: plan["Planning Time"], execMs: plan["Execution Time"] });
    }
  }

  // Inbox build + trim: a stratified sample (round-robin over the buckets' samples).
  const byBucket = BUCKETS.map((b) => sampled.filter((u) => u.bucket === b.label)).filter((xs) => xs.length);
  const buildUsers: Sampled[] = [];
  const perBucket = Math.ceil(BUILD_SAMPLE / Math.max(1, byBucket.length));
  for (let i = 0; i < perBucket; i++) {
    for (const xs of byBucket) {
      const k = Math.min(perBucket, xs.length);
      if (i < k && buildUsers.length < BUILD_SAMPLE) buildUsers.push(xs[Math.floor(((i + 0.5) * xs.length) / k)]!);
    }
  }
  const builds: Array<{ userId: number; following: number; bucket: string; totalMs: number; firstReadMs: number; pullMs: number; insertMs: number; entries: number; trimMs: number; trimDeleted: number }> = [];
  for (const u of buildUsers) {
    await measureInboxBuild(u.id); // warm-up
    const reps = [];
    for (let r = 0; r < BUILD_REPS; r++) reps.push(await measureInboxBuild(u.id));
    const trim = await measureTrim(u.id);
    builds.push({
      userId: u.id,
      following: u.following,
      bucket: u.bucket,
      totalMs: median(reps.map((x) => x.totalMs)),
      firstReadMs: median(reps.map((x) => x.firstReadMs)),
      pullMs: median(reps.map((x) => x.pullMs)),
      insertMs: median(reps.map((x) => x.insertMs)),
      entries: reps[0]!.entries,
      trimMs: trim.ms,
      trimDeleted: trim.deleted,
    });
  }

  // Fan-out: authors whose posts reach ~10, ~100, ~1000 and the most users.
  const { rows: reach } = await client.query<{ author: number; n: number }>(`
    SELECT a AS author, count(*)::int AS n FROM (
      SELECT followee_id AS a, follower_id AS r FROM follows
      UNION SELECT user_id, friend_id FROM friendships
    ) x GROUP BY a ORDER BY n DESC, a`);
  const targets: Array<{ label: string; authors: typeof reach }> = [];
  const fanOutSkipped: string[] = [];
  for (const target of [10, 100, 1000]) {
    const near = [...reach]
      .filter((r) => r.n <= HOT_THRESHOLD)
      .sort((x, y) => Math.abs(Math.log(x.n / target)) - Math.abs(Math.log(y.n / target)) || x.author - y.author)
      .slice(0, FANOUT_AUTHORS_PER_TARGET);
    if (near.length && Math.abs(Math.log(near[0]!.n / target)) < Math.log(3)) targets.push({ label: `~${target}`, authors: near });
    else fanOutSkipped.push(`~${target}: no author within 3x (closest reach ${near[0]?.n ?? "none"})`);
  }
  targets.push({ label: "max", authors: reach.filter((r) => r.n <= HOT_THRESHOLD).slice(0, FANOUT_AUTHORS_PER_TARGET) });
  const fanOut: Array<{ target: string; author: number; sources: number; delivered: number; insertMs: number; jobMs: number; insertMsPerRep: number[] }> = [];
  for (const tg of targets) {
    for (const a of tg.authors) {
      await measureFanOut(a.author); // warm-up
      const reps = [];
      for (let r = 0; r < FANOUT_REPS; r++) reps.push(await measureFanOut(a.author));
      fanOut.push({
        target: tg.label,
        author: a.author,
        sources: a.n,
        delivered: reps[0]!.delivered,
        insertMs: median(reps.map((x) => x.insertMs)),
        jobMs: median(reps.map((x) => x.jobMs)),
        insertMsPerRep: reps.map((x) => round(x.insertMs)),
      });
    }
  }

  // feed_entries footprint.
  const size = (
    await client.query(`SELECT
      (SELECT count(*) FROM feed_entries)::bigint AS rows,
      (SELECT count(*) FROM feed_states)::int AS inboxes,
      pg_total_relation_size('feed_entries') AS total_bytes,
      pg_relation_size('feed_entries') AS heap_bytes,
      pg_indexes_size('feed_entries') AS index_bytes,
      pg_total_relation_size('posts') AS posts_total_bytes`)
  ).rows[0] as Record<string, string>;
  const entries = Number(size.rows);
  const feedEntries = {
    rows: entries,
    inboxes: Number(size.inboxes),
    totalBytes: Number(size.total_bytes),
    heapBytes: Number(size.heap_bytes),
    indexBytes: Number(size.index_bytes),
    bytesPerRow: entries ? round(Number(size.total_bytes) / entries) : null,
    postsTotalBytes: Number(size.posts_total_bytes),
  };
  const load1 = os.loadavg();
  await client.end();

  // ------------------------------------------------------------ summarise
  type Result = {
    bucket: string;
    design: Design;
    page: Page;
    users: number;
    p50: number;
    p95: number;
    p99: number;
    max: number;
    spread: { p50: ReturnType<typeof spread>; p95: ReturnType<typeof spread> };
    noisy: boolean;
    targetP95: number;
    meetsTarget: boolean;
    fallbackUsers: number | undefined;
    perRep: Array<{ p50: number; p95: number; p99: number }>;
  };
  const results: Result[] = [];
  const noisyCells: string[] = [];
  for (const b of BUCKETS) {
    for (const design of ["pull", "inbox", "hot", "hybrid", "hybrid||"] as Design[]) {
      for (const page of PAGES) {
        const c = cells.get(`${b.label}|${design}|${page}`);
        if (!c || !c.perRep[0]!.length) continue;
        const reps = c.perRep.map((xs) => summarize(xs));
        const p50s = reps.map((r) => r.p50);
        const p95s = reps.map((r) => r.p95);
        // Cells with fewer than MIN_USERS users are reported but do not decide the run's validity.
        const noise = c.perRep[0]!.length >= MIN_USERS ? noisyCheck(p50s, { floorMs: 0.05 }) : { noisy: false, cv: 0 };
        if (noise.noisy) noisyCells.push(`${b.label} ${design} ${page} (cv ${noise.cv.toFixed(2)})`);
        const hybridCell = cells.get(`${b.label}|hybrid|${page}`);
        results.push({
          bucket: b.label,
          design,
          page,
          users: c.perRep[0]!.length,
          p50: round(median(p50s)),
          p95: round(median(p95s)),
          p99: round(median(reps.map((r) => r.p99))),
          max: round(median(reps.map((r) => r.max))),
          spread: { p50: mapRound(spread(p50s)), p95: mapRound(spread(p95s)) },
          noisy: noise.noisy,
          targetP95: targetMs(b.hi),
          meetsTarget: median(p95s) <= targetMs(b.hi),
          fallbackUsers: design.startsWith("hybrid") && hybridCell ? hybridCell.fallbacks.reduce((a, x) => a + x, 0) : undefined,
          perRep: reps.map((r) => ({ p50: round(r.p50), p95: round(r.p95), p99: round(r.p99) })),
        });
      }
    }
  }
  const valid = noisyCells.length === 0;

  // ------------------------------------------------------------ print
  console.log(
    `\nFeed SQL floor, tier ${tier}: median over ${REPS} repetitions of each repetition's p50/p95/p99 across the bucket's users (ms, client round trip).`,
  );
  console.log(`spread = min-max of the per-repetition p95; target = feed SQL p95 (<= 3 ms following up to 500, <= 20 ms above).\n`);
  const table: string[][] = [];
  for (const b of BUCKETS) {
    if (!results.some((r) => r.bucket === b.label)) continue;
    for (const [design, page] of PRINTED) {
      const r = results.find((x) => x.bucket === b.label && x.design === design && x.page === page);
      if (!r) continue;
      const judged = design !== "hot" && design !== "inbox";
      table.push([
        b.label,
        design,
        page,
        String(r.users),
        fmt(r.p50),
        fmt(r.p95),
        fmt(r.p99),
        `${fmt(r.spread.p95.min)}-${fmt(r.spread.p95.max)}`,
        `${r.targetP95}`,
        judged ? (r.meetsTarget ? "ok" : "MISS") : "",
        (r.fallbackUsers !== undefined && r.fallbackUsers > 0 ? `fallback ${r.fallbackUsers}/${r.users}` : "") + (r.noisy ? " NOISY" : "") + (r.users < MIN_USERS ? " (few users)" : ""),
      ]);
    }
    table.push([]);
  }
  printTable(
    ["following", "design", "page", "n", "p50", "p95", "p99", "p95 spread", "target", "", "note"],
    table.slice(0, -1),
    [false, false, false, true, true, true, true, true, true, false, false],
  );
  console.log(`\nBuckets (users in population -> sampled): ${BUCKETS.map((b) => `${b.label}: ${population[b.label]}`).join(", ")}; max following ${maxFollowing}.`);
  if (withoutInbox) console.log(`(${withoutInbox} users without an inbox were not sampled.)`);
  console.log(
    `inbox = readInbox's one round trip (state + page); hybrid = inbox + hot pull (${hotIds.length ? `${hotIds.length} hot accounts` : "skipped: no hot accounts"}) + regular pull past the horizon, sequential sum; hybrid|| = inbox and hot pull overlapped as getFeed runs them.`,
  );

  console.log("\nPull vs hybrid (p95, first page / deep page):");
  for (const b of BUCKETS) {
    const g = (d: Design, p: Page) => results.find((r) => r.bucket === b.label && r.design === d && r.page === p)?.p95;
    const pf = g("pull", "first");
    if (pf === undefined) continue;
    const hf = g("hybrid", "first")!;
    const inf = g("inbox", "first")!;
    const pd = g("pull", "deep");
    const hd = g("hybrid", "deep");
    console.log(
      `  ${b.label.padEnd(9)} pull ${fmt(pf)} ms vs hybrid ${fmt(hf)} ms (${(pf / hf).toFixed(1)}x; inbox query alone ${fmt(inf)} ms)` +
        (pd !== undefined && hd !== undefined ? `; deep: ${fmt(pd)} vs ${fmt(hd)} ms (${(pd / hd).toFixed(1)}x)` : ""),
    );
  }

  console.log("\nServer side, first page (EXPLAIN ANALYZE, one pass; p50 planning + execution ms, so round trip minus these = client/network/queueing):");
  const explainSummary = BUCKETS.filter((b) => explain.some((e) => e.bucket === b.label)).map((b) => {
    const f = (d: string, k: "planMs" | "execMs") => median(explain.filter((e) => e.bucket === b.label && e.design === d).map((e) => e[k]));
    return { bucket: b.label, pull: { planMs: round(f("pull", "planMs")), execMs: round(f("pull", "execMs")) }, inbox: { planMs: round(f("inbox", "planMs")), execMs: round(f("inbox", "execMs")) }, hot: { planMs: round(f("hot", "planMs")), execMs: round(f("hot", "execMs")) } };
  });
  printTable(
    ["following", "pull plan+exec", "inbox plan+exec", "hot plan+exec"],
    explainSummary.map((x) => [x.bucket, `${fmt(x.pull.planMs)} + ${fmt(x.pull.execMs)}`, `${fmt(x.inbox.planMs)} + ${fmt(x.inbox.execMs)}`, Number.isFinite(x.hot.planMs) ? `${fmt(x.hot.planMs)} + ${fmt(x.hot.execMs)}` : "(not run)"]),
    [false, true, true, true],
  );

  const bt = summarize(builds.map((x) => x.totalMs));
  console.log(
    `\nInbox build (ensureInbox for a user without one: state insert + regular pull of ${INBOX_CAP} + insert + horizon; median of ${BUILD_REPS}, rolled back), ${builds.length} users:`,
  );
  const fr = summarize(builds.map((x) => x.firstReadMs));
  console.log(`  p50 ${fmt(bt.p50)} ms, p95 ${fmt(bt.p95)} ms, max ${fmt(bt.max)} ms; whole first read (page read + build + page read): p50 ${fmt(fr.p50)}, p95 ${fmt(fr.p95)} ms`);
  for (const b of BUCKETS) {
    const xs = builds.filter((x) => x.bucket === b.label);
    if (!xs.length) continue;
    console.log(
      `  ${b.label.padEnd(9)} n=${xs.length}: total ${fmt(median(xs.map((x) => x.totalMs)))} ms (pull ${fmt(median(xs.map((x) => x.pullMs)))}, insert ${fmt(median(xs.map((x) => x.insertMs)))}), ${Math.round(median(xs.map((x) => x.entries)))} entries`,
    );
  }
  const tr = summarize(builds.map((x) => x.trimMs));
  const trimDue = sampled.filter((u) => started - u.trimmedAt.getTime() > TRIM_EVERY_MS).length;
  console.log(
    `  hourly trimInbox: p50 ${fmt(tr.p50)} ms, p95 ${fmt(tr.p95)} ms; due now for ${trimDue}/${sampled.length} sampled users (readInbox would trim and read again; not in the hybrid figures).`,
  );

  console.log(`\nFan-out INSERT (fanOutPost for a new PUBLIC post; median of ${FANOUT_REPS}, rolled back, no commit/fsync):`);
  printTable(
    ["reach", "author", "sources", "delivered", "INSERT ms", "job ms", "us/row"],
    fanOut.map((f) => [f.target, String(f.author), String(f.sources), String(f.delivered), fmt(f.insertMs), fmt(f.jobMs), f.delivered ? fmt((f.insertMs * 1000) / f.delivered) : "-"]),
    [false, true, true, true, true, true, true],
  );
  if (fanOutSkipped.length) console.log(`  (skipped ${fanOutSkipped.join("; ")})`);

  const mb = (x: number) => `${(x / 1024 / 1024).toFixed(1)} MB`;
  console.log(
    `\nfeed_entries: ${feedEntries.rows.toLocaleString("en")} rows in ${feedEntries.inboxes} inboxes, ${mb(feedEntries.totalBytes)} (heap ${mb(feedEntries.heapBytes)}, indexes ${mb(feedEntries.indexBytes)}), ${feedEntries.bytesPerRow} B/row; posts: ${mb(feedEntries.postsTotalBytes)}.`,
  );
  if (mismatches.length) {
    console.log(`\nHYBRID != PULL on ${mismatches.length} page(s), still after a ${3} s pause (warm-up check):`);
    for (const m of mismatches.slice(0, 10)) console.log(`  ${m}`);
  } else console.log(`\nCorrectness: hybrid pages equal pull pages for all ${sampled.length} sampled users (first, deep, past-horizon).`);
  if (transientMismatches.length) console.log(`  (${transientMismatches.length} page(s) differed at first and matched 3 s later: fan-out lag from another writer.)`);
  if (Object.keys(concurrentWrites).length)
    console.log(`\nOther writers during the measurements (rows written): ${Object.entries(concurrentWrites).map(([t, n]) => `${t} ${n}`).join(", ")}.`);
  console.log(`\nLoad average ${load0.map((x) => x.toFixed(1)).join(" ")} -> ${load1.map((x) => x.toFixed(1)).join(" ")} on ${os.cpus().length} cores.`);
  if (!valid) {
    console.log(`\n*** NOISY RUN: per-repetition p50 varied by more than CV 0.25 in ${noisyCells.length} cell(s); figures not valid, repeat on a quieter machine:`);
    for (const c of noisyCells.slice(0, 12)) console.log(`    ${c}`);
  }

  const file = writeResult(PLAN_CACHE === "force_custom_plan" ? `feed-sql-${tier}` : `feed-sql-${tier}-${PLAN_CACHE}`, {
    workload: "feed-sql",
    tier,
    quick,
    valid,
    noisyCells,
    config: { planCacheMode: PLAN_CACHE, reps: REPS, usersPerBucket: USERS_PER_BUCKET, seed: SEED, pageLimit: PAGE_LIMIT, inboxCap: INBOX_CAP, hotThreshold: HOT_THRESHOLD, deepItem: DEEP_ITEM },
    environment: { node: process.version, cores: os.cpus().length, loadavgStart: load0, loadavgEnd: load1, postgres: settings, hotAccounts, repSeconds },
    targets: { p95MsUpTo500: 3, p95MsAt5000: 20 },
    buckets: BUCKETS.map((b) => ({ ...b, population: population[b.label], sampled: sampled.filter((u) => u.bucket === b.label).length })),
    results,
    inboxBuild: { users: builds.length, totalMs: mapRound(bt), firstReadMs: mapRound(fr), perUser: builds.map((x) => ({ ...x, totalMs: round(x.totalMs), firstReadMs: round(x.firstReadMs), pullMs: round(x.pullMs), insertMs: round(x.insertMs), trimMs: round(x.trimMs) })) },
    trim: { ms: mapRound(tr), dueForSampledUsers: trimDue },
    fanOut: fanOut.map((f) => ({ ...f, insertMs: round(f.insertMs), jobMs: round(f.jobMs) })),
    fanOutSkipped,
    serverSide: explainSummary,
    feedEntries,
    correctness: { checkedUsers: sampled.length, mismatches, transientMismatches },
    concurrentWrites,
    seconds: (Date.now() - started) / 1000,
  });
  console.log(`\n${file} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

function mapRound<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === "number" ? round(v) : v])) as T;
}

main().catch(async (err) => {
  console.error(err);
  await client.end().catch(() => {});
  process.exit(1);
});
