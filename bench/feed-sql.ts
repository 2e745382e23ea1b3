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
//
// The parts, in bench/feed-sql/: config.ts (options, buckets, cells),
// queries.ts (the connection, the app's statements, getFeed's page),
// sample.ts (users and cursors), page-timings.ts (the timed pages, the
// warm-up check, EXPLAIN), inbox-costs.ts (build, trim, fan-out, size),
// summary.ts (figures), report.ts (the printed report).
import os from "node:os";
import { round } from "./lib/stats";
import { benchDatabaseUrl, writeResult } from "./lib/tiers";
import { HOT_THRESHOLD, INBOX_CAP, PAGE_LIMIT } from "./sql/app-sql";
import { BUCKETS, DEEP_ITEM, PAGES, PLAN_CACHE, quick, REPS, SEED, tier, USERS_PER_BUCKET } from "./feed-sql/config";
import { feedEntriesSize, measureFanOuts, measureInboxBuilds } from "./feed-sql/inbox-costs";
import { explainFirstPages, measurePage, warmUpAndCheck } from "./feed-sql/page-timings";
import { client, readHotIds, tableWrites } from "./feed-sql/queries";
import { printReport } from "./feed-sql/report";
import { sampleUsers, setCursors } from "./feed-sql/sample";
import { mapRound, summarizeBuilds, summarizeCells, summarizeExplain } from "./feed-sql/summary";

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
  const hotAccounts = (await readHotIds()).length;

  console.log(`feed-sql: tier ${tier}${quick ? " (quick)" : ""}, plan_cache_mode ${PLAN_CACHE}, ${REPS} repetitions, up to ${USERS_PER_BUCKET} users per bucket; jit=${settings.jit}, ${hotAccounts} hot accounts; load ${load0.map((x) => x.toFixed(1)).join(" ")}`);
  const t = Date.now();
  const { sampled, population, withoutInbox, maxFollowing } = await sampleUsers();
  if (!sampled.length) throw new Error(`no users with follows and an inbox in ${benchDatabaseUrl(tier)}: run npm run bench:seed -- --tier ${tier}`);

  await setCursors(sampled);
  console.log(`sampled ${sampled.length} users in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  const writesBefore = await tableWrites();
  const { mismatches, transientMismatches } = await warmUpAndCheck(sampled);

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

  const explain = await explainFirstPages(sampled);
  const builds = await measureInboxBuilds(sampled);
  const { fanOut, fanOutSkipped } = await measureFanOuts();
  const feedEntries = await feedEntriesSize();
  const load1 = os.loadavg();
  await client.end();

  const { results, noisyCells, valid } = summarizeCells();
  const explainSummary = summarizeExplain(explain);
  const { bt, fr, tr, trimDue } = summarizeBuilds(builds, sampled, started);
  printReport({ results, population, maxFollowing, withoutInbox, explainSummary, builds, bt, fr, tr, trimDue, sampled, fanOut, fanOutSkipped, feedEntries, mismatches, transientMismatches, concurrentWrites, load0, load1, noisyCells, valid });

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

main().catch(async (err) => {
  console.error(err);
  await client.end().catch(() => {});
  process.exit(1);
});
