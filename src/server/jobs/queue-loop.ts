import "server-only";
import type PgBoss from "pg-boss";

/**
 * A worker loop for CPU-bound jobs, one job at a time per loop. pg-boss's own
 * work() waits out its polling interval (>= 0.5 s) after every batch, which
 * caps a one-at-a-time worker at 2 jobs/s; this loop takes the next job at
 * once while there are any, and only sleeps when the queue is empty. Each job
 * completes or fails on its own, so pg-boss's retries apply per job.
 * Returns a function that stops the loop (after the job in hand).
 */
export function startQueueLoop<T extends object>(
  boss: PgBoss,
  queue: string,
  handler: (job: PgBoss.JobWithMetadata<T>) => Promise<void>,
  opts: { idleMs?: number } = {},
): () => Promise<void> {
  let running = true;
  const idleMs = opts.idleMs ?? 500;
  const done = (async () => {
    while (running) {
      let jobs: PgBoss.JobWithMetadata<T>[] = [];
      try {
        jobs = await boss.fetch<T>(queue, { batchSize: 1, includeMetadata: true });
      } catch (err) {
        console.error(`[jobs] fetch ${queue}`, err);
      }
      const job = jobs[0];
      if (!job) {
        await new Promise((r) => setTimeout(r, idleMs));
        continue;
      }
      try {
        await handler(job);
        await boss.complete(queue, job.id);
      } catch (err) {
        await boss.fail(queue, job.id, { message: String((err as Error)?.message ?? err) }).catch((e) => console.error(`[jobs] fail ${queue}`, e));
      }
    }
  })();
  return async () => {
    running = false;
    await done;
  };
}
