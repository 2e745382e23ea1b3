import "server-only";
import type PgBoss from "pg-boss";
import { fanOutPost } from "@/server/feed/fan-out";
import { runCleanup } from "@/server/media/cleanup";
import { markMediaFailed, processMedia } from "@/server/media/process-media";
import { pruneVisits } from "@/server/visitors/prune-visits";
import { getBoss, QUEUES } from "./boss";
import { startQueueLoop } from "./queue-loop";

/** Media jobs are CPU-bound (sharp, ffmpeg): one at a time per worker, one worker per core by default. */
const MEDIA_WORKERS = Number(process.env.MEDIA_WORKERS ?? 2);

/**
 * One media job. A throw makes pg-boss retry it; on the last attempt the
 * media (and its item) is marked FAILED first, so its owner sees it failed.
 */
export async function handleMediaJob(job: PgBoss.JobWithMetadata<{ mediaId: number }>) {
  try {
    await processMedia(job.data.mediaId);
  } catch (err) {
    console.error(`[media] job ${job.id} (media ${job.data.mediaId}) attempt ${job.retryCount + 1} failed:`, err);
    if (job.retryCount >= job.retryLimit) await markMediaFailed(job.data.mediaId);
    throw err;
  }
}

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
  for (let i = 0; i < MEDIA_WORKERS; i++) startQueueLoop<{ mediaId: number }>(boss, QUEUES.mediaProcess, handleMediaJob);
  await boss.schedule(QUEUES.mediaCleanup, "*/15 * * * *");
  await boss.work(QUEUES.mediaCleanup, async () => {
    const report = await runCleanup();
    if (Object.values(report).some((n) => n > 0)) console.log("[media] cleanup", report);
  });
  await boss.schedule(QUEUES.visitsCleanup, "10 4 * * *", undefined, { tz: "Asia/Shanghai" });
  await boss.work(QUEUES.visitsCleanup, async () => {
    const removed = await pruneVisits();
    if (removed > 0) console.log("[visitors] pruned", removed, "old visits");
  });
}
