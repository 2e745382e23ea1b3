// Phase 1 of the posting workload: create-post latency, sequential and at
// concurrency, with the app's CPU per post.
import { groupCpuMs, summarize } from "../../lib/posting-app";
import { log, plan } from "./plan";
import { drainQueue } from "./queue";
import { createPost, feedIds, type Ctx } from "./requests";

export async function measureCreateLatency(ctx: Ctx, users: number[]) {
  let k = 0;
  const next = () => users[k++ % users.length]!;
  log(`warm-up: ${plan.warmup} posts, ${plan.warmup} feed reads`);
  for (let i = 0; i < plan.warmup; i++) {
    const u = next();
    await createPost(ctx, u, `warmup ${i}`);
    await feedIds(ctx, u);
  }
  await drainQueue(ctx.pool);

  log(`sequential: ${plan.sequential} posts`);
  const seq: number[] = [];
  let cpu0 = groupCpuMs(ctx.app.pid);
  for (let i = 0; i < plan.sequential; i++) seq.push((await createPost(ctx, next(), `seq ${i}`)).ms);
  await drainQueue(ctx.pool);
  // App CPU per post (request + its fan-out job + pg-boss polling meanwhile): a load-independent cost.
  const seqCpu = (groupCpuMs(ctx.app.pid) - cpu0) / plan.sequential;

  log(`concurrent: ${plan.concurrent} posts at concurrency ${plan.concurrency}`);
  const conc: number[] = [];
  let left = plan.concurrent;
  cpu0 = groupCpuMs(ctx.app.pid);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: plan.concurrency }, async () => {
      while (left-- > 0) conc.push((await createPost(ctx, next(), `conc`)).ms);
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  await drainQueue(ctx.pool);
  const concCpu = (groupCpuMs(ctx.app.pid) - cpu0) / plan.concurrent;
  return {
    sequential: { ...summarize(seq), appCpuMsPerPost: Math.round(seqCpu * 10) / 10 },
    concurrent: {
      concurrency: plan.concurrency,
      ...summarize(conc),
      postsPerSecond: Math.round((conc.length / wall) * 10) / 10,
      appCpuMsPerPost: Math.round(concCpu * 10) / 10,
    },
  };
}
