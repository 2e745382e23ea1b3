// The feed SQL floor's options (command line), sizes, follow-count buckets
// with their targets, and which (design, page) cells it measures and prints.
import { parseTier } from "../lib/tiers";

const argv = process.argv.slice(2);
export const tier = parseTier(process.argv);
export const quick = argv.includes("--quick");
function numArg(name: string): number | undefined {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const n = Number(argv[i + 1]);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} needs a positive number`);
  return n;
}
export const REPS = numArg("--reps") ?? (quick ? 3 : 5);
export const USERS_PER_BUCKET = numArg("--users") ?? (quick ? 20 : 30);
export const SEED = numArg("--seed") ?? 20261126;
/** Default force_custom_plan = how the app's unnamed statements are planned; "auto" shows what named statements (generic plans) would give. */
export const PLAN_CACHE = (() => {
  const i = argv.indexOf("--plan-cache");
  const v = i >= 0 ? argv[i + 1] : "force_custom_plan";
  if (v !== "force_custom_plan" && v !== "auto" && v !== "force_generic_plan") throw new Error("--plan-cache must be force_custom_plan, auto or force_generic_plan");
  return v;
})();
export const BUILD_SAMPLE = quick ? 5 : 20;
export const BUILD_REPS = quick ? 1 : 3;
export const FANOUT_AUTHORS_PER_TARGET = quick ? 1 : 3;
export const FANOUT_REPS = quick ? 2 : 5;
export const DEEP_ITEM = 200;
/** Cells with fewer users than this (e.g. a nearly empty bucket) do not count in the noisy-run check. */
export const MIN_USERS = 5;

export const BUCKETS = [
  { label: "1-10", lo: 1, hi: 10 },
  { label: "11-100", lo: 11, hi: 100 },
  { label: "101-500", lo: 101, hi: 500 },
  { label: "501-1000", lo: 501, hi: 1000 },
  { label: "1001-5000", lo: 1001, hi: 5000 },
] as const;
/** Targets (feed SQL p95): <= 3 ms following up to 500, <= 20 ms at 5,000 (applied to 501-5000). */
export const targetMs = (hi: number) => (hi <= 500 ? 3 : 20);

export type Page = "first" | "deep" | "past-horizon";
export type Design = "pull" | "inbox" | "hot" | "hybrid" | "hybrid||";
export const PAGES: Page[] = ["first", "deep", "past-horizon"];
/** Which (design, page) cells are printed; every measured cell is in the JSON. */
export const PRINTED: Array<[Design, Page]> = [
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
