// The feed SQL floor's figures from its raw timings: per cell, the median over
// repetitions of each repetition's p50/p95/p99 with the noisy-run check and
// the target; the server-side split per bucket; inbox build and trim times.
import { median, noisyCheck, round, spread, summarize } from "../lib/stats";
import { TRIM_EVERY_MS } from "../sql/app-sql";
import { BUCKETS, MIN_USERS, PAGES, targetMs, type Design, type Page } from "./config";
import type { InboxBuild } from "./inbox-costs";
import { cells, type ExplainRow } from "./page-timings";
import type { Sampled } from "./sample";

export type Result = {
  bucket: string;
  design: Design;
  page: Page;
  users: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  spread: { p50: ReturnType<typeof spread>; p95: ReturnType<typeof spread> };
  noisy: boolean;
  targetP95: number;
  meetsTarget: boolean;
  fallbackUsers: number | undefined;
  perRep: Array<{ p50: number; p95: number; p99: number }>;
};

export function summarizeCells(): { results: Result[]; noisyCells: string[]; valid: boolean } {
  const results: Result[] = [];
  const noisyCells: string[] = [];
  for (const b of BUCKETS) {
    for (const design of ["pull", "inbox", "hot", "hybrid", "hybrid||"] as Design[]) {
      for (const page of PAGES) {
        const c = cells.get(`${b.label}|${design}|${page}`);
        if (!c || !c.perRep[0]!.length) continue;
        const reps = c.perRep.map((xs) => summarize(xs));
        const p50s = reps.map((r) => r.p50);
        const p95s = reps.map((r) => r.p95);
        // Cells with fewer than MIN_USERS users are reported but do not decide the run's validity.
        const noise = c.perRep[0]!.length >= MIN_USERS ? noisyCheck(p50s, { floorMs: 0.05 }) : { noisy: false, cv: 0 };
        if (noise.noisy) noisyCells.push(`${b.label} ${design} ${page} (cv ${noise.cv.toFixed(2)})`);
        const hybridCell = cells.get(`${b.label}|hybrid|${page}`);
        results.push({
          bucket: b.label,
          design,
          page,
          users: c.perRep[0]!.length,
          p50: round(median(p50s)),
          p95: round(median(p95s)),
          p99: round(median(reps.map((r) => r.p99))),
          max: round(median(reps.map((r) => r.max))),
          spread: { p50: mapRound(spread(p50s)), p95: mapRound(spread(p95s)) },
          noisy: noise.noisy,
          targetP95: targetMs(b.hi),
          meetsTarget: median(p95s) <= targetMs(b.hi),
          fallbackUsers: design.startsWith("hybrid") && hybridCell ? hybridCell.fallbacks.reduce((a, x) => a + x, 0) : undefined,
          perRep: reps.map((r) => ({ p50: round(r.p50), p95: round(r.p95), p99: round(r.p99) })),
        });
      }
    }
  }
  const valid = noisyCells.length === 0;
  return { results, noisyCells, valid };
}

/** Per bucket: p50 planning and execution ms of each design's first page. */
export function summarizeExplain(explain: ExplainRow[]) {
  return BUCKETS.filter((b) => explain.some((e) => e.bucket === b.label)).map((b) => {
    const f = (d: string, k: "planMs" | "execMs") => median(explain.filter((e) => e.bucket === b.label && e.design === d).map((e) => e[k]));
    return { bucket: b.label, pull: { planMs: round(f("pull", "planMs")), execMs: round(f("pull", "execMs")) }, inbox: { planMs: round(f("inbox", "planMs")), execMs: round(f("inbox", "execMs")) }, hot: { planMs: round(f("hot", "planMs")), execMs: round(f("hot", "execMs")) } };
  });
}

export function summarizeBuilds(builds: InboxBuild[], sampled: Sampled[], started: number) {
  const bt = summarize(builds.map((x) => x.totalMs));
  const fr = summarize(builds.map((x) => x.firstReadMs));
  const tr = summarize(builds.map((x) => x.trimMs));
  const trimDue = sampled.filter((u) => started - u.trimmedAt.getTime() > TRIM_EVERY_MS).length;
  return { bt, fr, tr, trimDue };
}

export function mapRound<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === "number" ? round(v) : v])) as T;
}
