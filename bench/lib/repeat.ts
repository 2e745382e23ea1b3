// Repetitions of one measurement, reduced to a median with its spread, and
// the noisy-run check (coefficient of variation between repetitions above
// 0.25 marks the measurement invalid).
import os from "node:os";
import type { CpuUse } from "./cpu";
import type { OpenLoopResult } from "./open-loop";
import type { SaturateResult } from "./saturate";
import { median, noisyCheck, round, spread, type Spread } from "./stats";

export type Figure = { median: number; spread: Spread };

/** Median CPU per request over the repetitions (null when not measured). */
export type CpuFigure = { serverMsPerRequest: number | null; dbMsPerRequest: number | null; machineBusyPct: number | null };

function cpuFigure(runs: { cpu?: CpuUse }[]): CpuFigure | undefined {
  const with_ = runs.filter((r) => r.cpu);
  if (!with_.length) return undefined;
  const med = (xs: (number | null)[]) => {
    const v = xs.filter((x): x is number => x !== null);
    return v.length ? round(median(v)) : null;
  };
  return {
    serverMsPerRequest: med(with_.map((r) => r.cpu!.serverMsPerRequest)),
    dbMsPerRequest: med(with_.map((r) => r.cpu!.dbMsPerRequest)),
    machineBusyPct: med(with_.map((r) => r.cpu!.machineBusyPct)),
  };
}

function figure(xs: number[]): Figure {
  const s = spread(xs);
  return { median: round(median(xs)), spread: { min: round(s.min), max: round(s.max), median: round(s.median), relRange: round(s.relRange), cv: round(s.cv) } };
}

export type SaturationSummary = {
  kind: "saturation";
  repetitions: number;
  rps: Figure;
  p50: Figure;
  p95: Figure;
  p99: Figure;
  errors: number;
  meanBytes: number;
  cpu?: CpuFigure;
  valid: boolean;
  invalidReason?: string;
  runs: SaturateResult[];
};

export type OpenLoopSummary = {
  kind: "open-loop";
  repetitions: number;
  /** The server could not sustain the rate: sending stopped early in at least one repetition. */
  overloaded?: string;
  targetRate: number;
  achievedRate: Figure;
  p50: Figure;
  p95: Figure;
  p99: Figure;
  max: Figure;
  errors: number;
  cpu?: CpuFigure;
  valid: boolean;
  invalidReason?: string;
  runs: OpenLoopResult[];
};

/** Latencies under this (ms) are treated as equal for the noise check: sub-millisecond jitter is not noise that matters. */
const LATENCY_FLOOR_MS = 1;

function validity(checks: Record<string, { noisy: boolean; cv: number }>, errors: number, total: number): { valid: boolean; invalidReason?: string } {
  const noisy = Object.entries(checks).filter(([, c]) => c.noisy);
  const reasons = noisy.map(([k, c]) => `${k} CV ${round(c.cv)} > 0.25`);
  if (total > 0 && errors / total > 0.01) reasons.push(`${errors} errors (${round((100 * errors) / total)}%)`);
  return reasons.length ? { valid: false, invalidReason: reasons.join("; ") } : { valid: true };
}

export function summarizeSaturation(runs: SaturateResult[]): SaturationSummary {
  const errors = runs.reduce((a, r) => a + r.errors, 0);
  const total = runs.reduce((a, r) => a + r.ok + r.errors, 0);
  const v = validity(
    {
      rps: noisyCheck(runs.map((r) => r.rps)),
      p50: noisyCheck(runs.map((r) => r.latencyMs.p50), { floorMs: LATENCY_FLOOR_MS }),
    },
    errors,
    total,
  );
  return {
    kind: "saturation",
    repetitions: runs.length,
    rps: figure(runs.map((r) => r.rps)),
    p50: figure(runs.map((r) => r.latencyMs.p50)),
    p95: figure(runs.map((r) => r.latencyMs.p95)),
    p99: figure(runs.map((r) => r.latencyMs.p99)),
    errors,
    meanBytes: Math.round(median(runs.map((r) => r.meanBytes))),
    cpu: cpuFigure(runs),
    ...v,
    runs,
  };
}

export function summarizeOpenLoop(runs: OpenLoopResult[]): OpenLoopSummary {
  const errors = runs.reduce((a, r) => a + r.errors, 0);
  const total = runs.reduce((a, r) => a + r.sent, 0);
  const checks: Record<string, { noisy: boolean; cv: number }> = {
    p50: noisyCheck(runs.map((r) => r.latencyMs.p50), { floorMs: LATENCY_FLOOR_MS }),
    p95: noisyCheck(runs.map((r) => r.latencyMs.p95), { floorMs: LATENCY_FLOOR_MS }),
  };
  const v = validity(checks, errors, total);
  const overloaded = runs.find((r) => r.overloaded)?.overloaded;
  // The generator shares the CPU with the server: if it could not keep its own schedule, say so
  // (unless the server was overloaded anyway: then the latencies are queueing, not generator lag).
  const lagging = runs.filter((r) => r.sendLagMs.p99 > 5);
  if (lagging.length && !overloaded) {
    v.valid = false;
    v.invalidReason = [v.invalidReason, `generator behind schedule (send lag p99 up to ${Math.max(...lagging.map((r) => r.sendLagMs.p99))} ms)`].filter(Boolean).join("; ");
  }
  return {
    kind: "open-loop",
    repetitions: runs.length,
    ...(overloaded ? { overloaded } : {}),
    targetRate: runs[0]?.targetRate ?? NaN,
    achievedRate: figure(runs.map((r) => r.achievedRate)),
    p50: figure(runs.map((r) => r.latencyMs.p50)),
    p95: figure(runs.map((r) => r.latencyMs.p95)),
    p99: figure(runs.map((r) => r.latencyMs.p99)),
    max: figure(runs.map((r) => r.latencyMs.max)),
    errors,
    cpu: cpuFigure(runs),
    ...v,
    runs,
  };
}

/** Runs `fn` `n` times in sequence. */
export async function repeat<T>(n: number, fn: (rep: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await fn(i));
  return out;
}

/** The machine's 1/5/15-minute load averages (the machine is shared: noted with every result). */
export function loadAverage(): number[] {
  return os.loadavg().map((x) => round(x));
}
