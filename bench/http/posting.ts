// Workload 4 "Posting": `npx tsx bench/http/posting.ts --tier tiny|S|L [--quick] [--keep] [--no-build]`
//
// Against `next start` (its own, on a free port, pg-boss worker in process as
// in production) on the tier's benchmark database:
//   1. create-post latency, POST /api/posts {body, audience: "PUBLIC"} as a
//      sample of users: sequential, then closed loop at concurrency 8 (after a
//      warm-up);
//   2. distribution rate while posting a burst: fan-out jobs completed per
//      second and inbox rows (feed_entries) written per second, from pg-boss's
//      job rows (pgboss.job: created_on / started_on / completed_on) and the
//      rows each post actually got; then the fan-out capacity: a backlog
//      created with the worker off (JOBS_WORKER=off), drained by a fresh app;
//   3. time until a new post is on a follower's first page (GET /api/feed,
//      polled every 50 ms as 3 followers) for authors with ~10 / ~100 / ~1000
//      followers (target p95 <= 2 s); in tier L also for the 100k-follower
//      hot account (user 1, pulled at read time; target p95 <= 5 s).
// The posts it creates are deleted afterwards (with their inbox rows) unless
// --keep, so the shared dataset stays as seeded. Builds first if the build is
// missing or older than the sources (NEXT_DIST_DIR=.next-<name> builds beside
// a .next that a running server uses, if next.config.js honours it).
//
// The parts, in bench/http/posting/: plan.ts (options, sizes, targets),
// requests.ts (the API as a user), queue.ts (pg-boss jobs, deliveries),
// latency.ts (1), distribution.ts (2), visibility.ts (3).
import os from "node:os";
import pg from "pg";
import { benchDatabaseUrl, TIERS, writeResult } from "../lib/tiers";
import { ensureBuild, flag, loadAvg, rng, serverErrors, sleep, startApp, type Summary } from "../lib/posting-app";
import { measureBacklogDrain, measureDistribution } from "./posting/distribution";
import { measureCreateLatency } from "./posting/latency";
import { argv, keep, log, plan, POLL_MS, quick, runId, TARGET_HOT_VISIBLE_P95_MS, TARGET_VISIBLE_P95_MS, tier, VISIBILITY_TIMEOUT_MS } from "./posting/plan";
import { drainQueue } from "./posting/queue";
import type { Ctx } from "./posting/requests";
import { measureHot, measureVisibility } from "./posting/visibility";

// --------------------------------------------------------------------- main

async function cleanup(pool: pg.Pool, ids: number[]) {
  if (!ids.length) return;
  // Posts first: a fan-out job still pending then finds no post and delivers nothing.
  await pool.query("DELETE FROM posts WHERE id = ANY($1::int[])", [ids]);
  await pool.query("DELETE FROM feed_entries WHERE post_id = ANY($1::int[])", [ids]);
}

/** Sample of regular (non-hot) users for posting, deterministic. */
async function sampleUsers(pool: pg.Pool, n: number): Promise<number[]> {
  const { rows } = await pool.query<{ id: number }>("SELECT id FROM users WHERE NOT hot ORDER BY id");
  const ids = rows.map((r) => r.id);
  const rand = rng(20261126);
  const out = new Set<number>();
  while (out.size < Math.min(n, ids.length)) out.add(ids[Math.floor(rand() * ids.length)]!);
  return [...out];
}

async function main() {
  const t0 = Date.now();
  const url = benchDatabaseUrl(tier);
  const pool = new pg.Pool({ connectionString: url, max: 4, application_name: "bench-posting" });
  const { rows: check } = await pool
    .query<{ users: number; states: number }>("SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM feed_states)::int AS states")
    .catch((e: Error) => {
      throw new Error(`${url}: ${e.message}. Seed it first: npm run bench:seed -- --tier ${tier}`);
    });
  if (check[0]!.users !== TIERS[tier].users || check[0]!.states !== TIERS[tier].users) {
    throw new Error(`${url} is incomplete (${check[0]!.users} users, ${check[0]!.states} inboxes; want ${TIERS[tier].users}): seed it or wait for its seed`);
  }
  const loadBefore = loadAvg();
  const build = await ensureBuild({ noBuild: flag(argv, "--no-build"), log });
  log(`starting next start (build ${build.buildId}), load ${loadBefore.join(" ")}`);
  const created: number[] = [];
  let result: Record<string, unknown> | undefined;
  try {
    const app = await startApp({ databaseUrl: url, name: `posting-${tier}` });
    const ctx: Ctx = { app, pool, cookies: new Map(), created };
    log(`app at ${app.baseUrl}, log ${app.logFile}`);
    let phases: Record<string, unknown>;
    try {
      // pg-boss creates its schema on first start; wait until it exists.
      for (let i = 0; i < 100; i++) {
        const { rows } = await pool.query<{ ok: boolean }>("SELECT to_regclass('pgboss.job') IS NOT NULL AS ok");
        if (rows[0]!.ok) break;
        await sleep(200);
      }
      await drainQueue(pool); // start from an empty queue
      const users = await sampleUsers(pool, quick ? 50 : 500);
      const latency = await measureCreateLatency(ctx, users);
      log(
        `create: sequential p50 ${latency.sequential.p50} p95 ${latency.sequential.p95} p99 ${latency.sequential.p99} ms (${latency.sequential.appCpuMsPerPost} ms app CPU/post); ` +
          `c=${plan.concurrency} p50 ${latency.concurrent.p50} p95 ${latency.concurrent.p95} p99 ${latency.concurrent.p99} ms, ${latency.concurrent.postsPerSecond} posts/s`,
      );
      const distribution = await measureDistribution(ctx, users);
      log(`distribution during the burst: ${distribution.postsPerSecond} posts/s in, ${distribution.jobsPerSecond} jobs/s, ${distribution.inboxRowsPerSecond} inbox rows/s (${distribution.inboxRowsWritten}/${distribution.inboxRowsExpected} rows)`);
      const loadMid = loadAvg();
      const visibility = await measureVisibility(ctx);
      for (const v of visibility) {
        const s = v as { targetFollowers: number; visibleMs?: Summary; pass?: boolean; timeouts?: number };
        if (s.visibleMs) log(`visible ~${s.targetFollowers}: p50 ${s.visibleMs.p50} p95 ${s.visibleMs.p95} ms, timeouts ${s.timeouts} -> ${s.pass ? "PASS" : "MISS"}`);
      }
      const hot = await measureHot(ctx);
      if (hot) log(`hot account: p50 ${hot.visibleMs.p50} p95 ${hot.visibleMs.p95} ms -> ${hot.pass ? "PASS" : "MISS"}`);
      phases = { latency, distribution, loadMid, visibility, hot, serverErrors: serverErrors(app.logFile) };
    } finally {
      await app.stop();
    }
    const backlog = await measureBacklogDrain({ pool, created }, url, await sampleUsers(pool, quick ? 50 : 500));
    log(`backlog drain: ${backlog.jobsPerSecond} jobs/s, ${backlog.inboxRowsPerSecond} inbox rows/s, ${backlog.jobsPerFetch} jobs per fetch, ${backlog.appCpuMsPerJob} ms app CPU/job`);
    const visibility = phases.visibility as { pass?: boolean }[];
    const hot = phases.hot as { pass: boolean } | null;
    result = {
      tier,
      quick,
      runId,
      buildId: build.buildId,
      buildStaleVs: build.stale,
      loadAvg: { before: loadBefore, middle: phases.loadMid, after: loadAvg() },
      cpus: os.cpus().length,
      plan,
      method: {
        createLatency:
          "client-side ms for POST /api/posts {body, audience: PUBLIC} over keep-alive, minted JWT session cookie; warm-up posts and feed reads first; appCpuMsPerPost = CPU of the next start process group / posts (includes the fan-out jobs)",
        distribution:
          "burst of posts at concurrency 8; pgboss.job created_on/started_on/completed_on (Postgres clock) per job; rows = feed_entries rows present for each post among its author's followers+friends. Bounded by the posting rate when posting is slower than the worker",
        backlogDrain: "posts created by an app with JOBS_WORKER=off, then a fresh app's worker drains them: capacity with a full queue",
        visibility: `poll GET /api/feed every ${POLL_MS} ms as followers until the post id is on the first page; ms from sending the POST (visibleMs) and from its response (visibleAfterAckMs); timeouts after ${VISIBILITY_TIMEOUT_MS} ms count as ${VISIBILITY_TIMEOUT_MS}`,
        workerCeiling: "pg-boss worker batchSize 20, pollingIntervalSeconds 0.5: at most ~40 jobs/s per app process while a batch takes < 0.4 s (pg-boss waits out the interval after each fetch)",
      },
      createLatencyMs: phases.latency,
      distribution: phases.distribution,
      backlogDrain: backlog,
      visibility,
      hotAccount: hot,
      targets: {
        visibleP95Ms: TARGET_VISIBLE_P95_MS,
        hotVisibleP95Ms: TARGET_HOT_VISIBLE_P95_MS,
        pass: visibility.every((v) => v.pass !== false) && (hot ? hot.pass : true),
      },
      serverErrors: phases.serverErrors,
    };
  } finally {
    if (!keep) {
      log(`deleting the ${created.length} posts this run created`);
      await cleanup(pool, created);
    }
    await pool.end();
  }
  result.seconds = (Date.now() - t0) / 1000;
  const file = writeResult(`posting-${tier}`, result);
  log(`wrote ${file} in ${result.seconds} s`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
