// Phase 2 of the posting workload: how fast the fan-out distributes posts,
// during a burst of posting and when draining a backlog.
import { groupCpuMs, startApp, summarize } from "../../lib/posting-app";
import { log, plan, tier } from "./plan";
import { deliveries, drainQueue, jobsFor } from "./queue";
import { createPost, type Ctx } from "./requests";

export async function measureDistribution(ctx: Ctx, users: number[]) {
  log(`burst: ${plan.burst} posts at concurrency ${plan.concurrency}, then wait for the fan-out to drain`);
  const ids: number[] = [];
  let k = 0;
  const t0 = performance.now();
  const wall0 = Date.now();
  await Promise.all(
    Array.from({ length: plan.concurrency }, async () => {
      while (k < plan.burst) {
        const i = k++;
        ids.push((await createPost(ctx, users[i % users.length]!, `burst ${i}`)).id);
      }
    }),
  );
  const postingSeconds = (performance.now() - t0) / 1000;
  await drainQueue(ctx.pool);
  const jobs = await jobsFor(ctx.pool, ids);
  const got = await deliveries(ctx.pool, ids);
  const done = jobs.filter((j) => j.state === "completed" && j.completed_on && j.started_on);
  const first = Math.min(...jobs.map((j) => j.created_on.getTime()));
  const last = Math.max(...done.map((j) => j.completed_on!.getTime()));
  const lastCreated = Math.max(...jobs.map((j) => j.created_on.getTime()));
  const span = (last - first) / 1000;
  const rows = [...got.values()].reduce((a, b) => a + b.written, 0);
  const expected = [...got.values()].reduce((a, b) => a + b.expected, 0);
  // Per-second series by completion time: the worker's real throughput.
  const perSecond = new Map<number, { jobs: number; rows: number }>();
  for (const j of done) {
    const s = Math.floor((j.completed_on!.getTime() - first) / 1000);
    const b = perSecond.get(s) ?? { jobs: 0, rows: 0 };
    b.jobs++;
    b.rows += got.get(j.post_id)?.written ?? 0;
    perSecond.set(s, b);
  }
  const series = [...perSecond.entries()].sort((a, b) => a[0] - b[0]).map(([second, v]) => ({ second, ...v }));
  // Timestamps come from Postgres (same clock for created/started/completed).
  return {
    posts: ids.length,
    postingSeconds: Math.round(postingSeconds * 100) / 100,
    postsPerSecond: Math.round((ids.length / postingSeconds) * 10) / 10,
    jobs: jobs.length,
    jobsCompleted: done.length,
    jobsRetried: jobs.filter((j) => j.retry_count > 0).length,
    firstJobCreatedToLastCompletedSeconds: Math.round(span * 100) / 100,
    drainAfterLastPostMs: last - lastCreated,
    jobsPerSecond: Math.round((done.length / span) * 10) / 10,
    inboxRowsWritten: rows,
    inboxRowsExpected: expected,
    inboxRowsPerSecond: Math.round(rows / span),
    peakSecond: series.reduce((a, b) => (b.rows > a.rows ? b : a), { second: -1, jobs: 0, rows: 0 }),
    jobWaitMs: summarize(done.map((j) => j.started_on!.getTime() - j.created_on.getTime())),
    jobCreateToCompleteMs: summarize(done.map((j) => j.completed_on!.getTime() - j.created_on.getTime())),
    audiencePerPost: summarize([...got.values()].map((g) => g.expected)),
    series,
    startedAt: new Date(wall0).toISOString(),
  };
}

/**
 * Fan-out capacity: a backlog of posts is created while no worker runs (an
 * app with JOBS_WORKER=off), then a normal app starts and its worker drains
 * it. Jobs and inbox rows per second from the first job started to the last
 * completed: the distribution rate when the queue is never empty.
 */
export async function measureBacklogDrain(base: Omit<Ctx, "app" | "cookies">, url: string, users: number[]) {
  const n = plan.backlog;
  log(`backlog: ${n} posts with the worker off, then drain with a fresh app`);
  const off = await startApp({ databaseUrl: url, name: `posting-${tier}-noworker`, env: { JOBS_WORKER: "off" } });
  const ids: number[] = [];
  try {
    const ctx: Ctx = { ...base, app: off, cookies: new Map() };
    let k = 0;
    await Promise.all(
      Array.from({ length: plan.concurrency }, async () => {
        while (k < n) {
          const i = k++;
          ids.push((await createPost(ctx, users[(i * 7) % users.length]!, `backlog ${i}`)).id);
        }
      }),
    );
  } finally {
    await off.stop();
  }
  const before = await jobsFor(base.pool, ids);
  const doneEarly = before.filter((j) => j.state === "completed").length; // another app's worker on this database
  const on = await startApp({ databaseUrl: url, name: `posting-${tier}-drain` });
  let cpu = 0;
  try {
    const cpu0 = groupCpuMs(on.pid);
    await drainQueue(base.pool);
    cpu = groupCpuMs(on.pid) - cpu0;
  } finally {
    await on.stop();
  }
  const jobs = (await jobsFor(base.pool, ids)).filter((j) => j.state === "completed" && j.started_on && j.completed_on);
  const got = await deliveries(base.pool, ids);
  const first = Math.min(...jobs.map((j) => j.started_on!.getTime()));
  const last = Math.max(...jobs.map((j) => j.completed_on!.getTime()));
  const span = Math.max(1, last - first) / 1000;
  const rows = [...got.values()].reduce((a, b) => a + b.written, 0);
  const batches = new Set(jobs.map((j) => j.started_on!.getTime())).size;
  return {
    posts: ids.length,
    completedByAnotherProcessBeforeDrain: doneEarly,
    jobsCompleted: jobs.length,
    drainSeconds: Math.round(span * 100) / 100,
    jobsPerSecond: Math.round((jobs.length / span) * 10) / 10,
    inboxRowsWritten: rows,
    inboxRowsExpected: [...got.values()].reduce((a, b) => a + b.expected, 0),
    inboxRowsPerSecond: Math.round(rows / span),
    fetches: batches,
    jobsPerFetch: Math.round((jobs.length / batches) * 10) / 10,
    appCpuMsPerJob: Math.round((cpu / Math.max(1, jobs.length)) * 10) / 10,
    audiencePerPost: summarize([...got.values()].map((g) => g.expected)),
  };
}
