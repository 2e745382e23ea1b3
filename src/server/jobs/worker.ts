import "server-only";
import { fanOutPost } from "@/server/feed/fan-out";
import { getBoss, QUEUES } from "./boss";

// pg-boss fetches a batch, runs the handler, then waits out the polling
// interval: one worker's ceiling is batchSize / interval. Measured with 20 /
// 0.5 s: ~40 fan-outs/s, which a burst of posts outran (jobs waited ~5 s).
// Two workers with batches of 100, each batch run 4 at a time, lift that
// ceiling well above what the 2-core app can post.
const WORKERS = 2;
const BATCH = 100;
const PARALLEL_PER_BATCH = 4;

async function inParallel<T>(items: T[], limit: number, fn: (item: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/** Starts this process's job workers (called once from instrumentation.ts). */
export async function startWorkers() {
  const boss = await getBoss();
  for (let i = 0; i < WORKERS; i++) {
    await boss.work<{ postId: number }>(QUEUES.feedFanOut, { batchSize: BATCH, pollingIntervalSeconds: 0.5 }, (jobs) =>
      inParallel(jobs, PARALLEL_PER_BATCH, (job) => fanOutPost(job.data.postId)),
    );
  }
}
