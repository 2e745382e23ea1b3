// Small statistics helpers shared by the benchmarks. Latencies are plain
// numbers (milliseconds by convention); nothing here does I/O.

/** p-th percentile (0-100) of `xs`, linear interpolation between closest ranks (R type 7, numpy's default). NaN if empty. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return s[lo]! + (s[hi]! - s[lo]!) * (rank - lo);
}

export function median(xs: readonly number[]): number {
  return percentile(xs, 50);
}

export function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
}

/** Sample standard deviation (n - 1); 0 for fewer than two values. */
export function stdev(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

/** Coefficient of variation (stdev / mean); 0 for fewer than two values or a zero mean. */
export function cv(xs: readonly number[]): number {
  const m = mean(xs);
  return xs.length < 2 || m === 0 ? 0 : stdev(xs) / m;
}

export type Summary = { n: number; p50: number; p95: number; p99: number; min: number; max: number; mean: number };

export function summarize(xs: readonly number[]): Summary {
  return {
    n: xs.length,
    p50: percentile(xs, 50),
    p95: percentile(xs, 95),
    p99: percentile(xs, 99),
    min: xs.length ? Math.min(...xs) : NaN,
    max: xs.length ? Math.max(...xs) : NaN,
    mean: mean(xs),
  };
}

/** How much repeated measurements of one figure disagree: range, relative range and coefficient of variation. */
export type Spread = { min: number; max: number; median: number; relRange: number; cv: number };

export function spread(xs: readonly number[]): Spread {
  const med = median(xs);
  const min = xs.length ? Math.min(...xs) : NaN;
  const max = xs.length ? Math.max(...xs) : NaN;
  return { min, max, median: med, relRange: med > 0 ? (max - min) / med : 0, cv: cv(xs) };
}

/** Above this coefficient of variation between repetitions, a run is too noisy to report. */
export const NOISY_CV = 0.25;

/**
 * The "noisy run" check: `repetitions` holds one figure (e.g. a p50) per
 * repetition of the same measurement. Noisy when their coefficient of
 * variation exceeds `threshold`. Figures below `floorMs` (timer/jitter level)
 * are lifted to it first, so 0.05 vs 0.08 ms does not invalidate a run.
 */
export function noisyCheck(
  repetitions: readonly number[],
  opts: { threshold?: number; floorMs?: number } = {},
): { noisy: boolean; cv: number; threshold: number } {
  const threshold = opts.threshold ?? NOISY_CV;
  const floor = opts.floorMs ?? 0;
  const c = cv(repetitions.map((x) => Math.max(x, floor)));
  return { noisy: repetitions.length >= 2 && c > threshold, cv: c, threshold };
}

/** Rounds for display/JSON: 3 significant decimals below 10, 1 decimal above. */
export function round(x: number): number {
  if (!Number.isFinite(x)) return x;
  return Math.abs(x) < 10 ? Math.round(x * 1000) / 1000 : Math.round(x * 10) / 10;
}
