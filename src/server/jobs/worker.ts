import "server-only";
import { fanOutPost } from "@/server/feed/fan-out";
import { getBoss, QUEUES } from "./boss";

/** Starts this process's job workers (called once from instrumentation.ts). */
export async function startWorkers() {
  const boss = await getBoss();
  await boss.work<{ postId: number }>(QUEUES.feedFanOut, { batchSize: 20, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    for (const job of jobs) await fanOutPost(job.data.postId);
  });
}
