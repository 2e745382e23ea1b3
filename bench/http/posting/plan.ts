// The posting workload's run: its command line (tier, --quick, --keep), how
// much each phase does, its targets and its log prefix.
import { randomUUID } from "node:crypto";
import { flag } from "../../lib/posting-app";
import { parseTier, type Tier } from "../../lib/tiers";

export const POLL_MS = 50;
export const VISIBILITY_TIMEOUT_MS = 20_000;
export const TARGET_VISIBLE_P95_MS = 2000;
export const TARGET_HOT_VISIBLE_P95_MS = 5000;

export const argv = process.argv.slice(2);
export const tier: Tier = parseTier(process.argv);
export const quick = flag(argv, "--quick");
export const keep = flag(argv, "--keep");
export const runId = randomUUID().slice(0, 8);

export const plan = quick
  ? { warmup: 5, sequential: 15, concurrent: 24, concurrency: 8, burst: 40, backlog: 60, trials: 2, followers: 3, hotTrials: 2, hotFollowers: 3 }
  : { warmup: 20, sequential: 100, concurrent: 200, concurrency: 8, burst: 400, backlog: 600, trials: 10, followers: 3, hotTrials: 6, hotFollowers: 4 };

export const log = (s: string) => console.log(`[posting ${tier}] ${s}`);
