// A true open-loop load generator: requests are sent at a fixed arrival rate,
// evenly spaced, whether or not earlier ones have answered (autocannon's -R
// fires each connection's per-second quota at once, see shared/STACK-NOTES.md).
// Latency is measured from each request's SCHEDULED send time, so a stalled
// server (or a stalled generator) shows up in the percentiles instead of
// silently lowering the request rate (no coordinated omission).
import http from "node:http";
import { performance } from "node:perf_hooks";
import type { CpuUse } from "./cpu";
import { percentile, round, summarize } from "./stats";

/** One request to send: a path on the target and its headers (e.g. one user's session cookie). */
export type RequestSpec = { path: string; headers?: Record<string, string> };

export type OpenLoopOptions = {
  /** Base URL, e.g. http://127.0.0.1:3000 */
  url: string;
  /** Arrival rate, requests per second. */
  rate: number;
  /** Measured duration, seconds. */
  durationSec: number;
  /** Requests sent before the measured window (same rate), not recorded. */
  warmupSec?: number;
  /** The i-th request (i counts from 0 over warm-up and measurement): rotate users here. */
  request: (i: number) => RequestSpec;
  /** Keep-alive sockets the agent may open (default 256). */
  sockets?: number;
  /** A request still unanswered after this counts as an error (default 10 s). */
  timeoutMs?: number;
  /** Status codes counted as success (default: 200 only). */
  okStatus?: (status: number) => boolean;
  /**
   * Stop sending once this many requests are unanswered (default: 5 s worth at
   * the target rate): the server cannot keep up, and waiting out an ever
   * growing queue measures nothing more. The run is then marked overloaded.
   */
  maxOutstanding?: number;
};

export type LatencySummary = { p50: number; p95: number; p99: number; max: number; mean: number };

export type OpenLoopResult = {
  kind: "open-loop";
  targetRate: number;
  durationSec: number;
  sent: number;
  /** Requests sent during the warm-up (not in any other figure; for CPU-per-request accounting). */
  warmupSent: number;
  ok: number;
  errors: number;
  /** Successful responses per second over the measured window. */
  achievedRate: number;
  /** Milliseconds from scheduled send to the end of the response body (successful requests). */
  latencyMs: LatencySummary;
  /** How late the generator itself sent requests (ms): large values mean the generator was starved of CPU. */
  sendLagMs: { p99: number; max: number };
  /** CPU used per request by the server and the database (set by the caller, see cpu.ts). */
  cpu?: CpuUse;
  /** Set when the server fell so far behind that sending stopped early (see maxOutstanding). */
  overloaded?: string;
  errorSamples: string[];
};

/** Latency percentiles of one run, milliseconds, rounded for reports. */
export function latencySummary(values: readonly number[]): LatencySummary {
  const s = summarize(values);
  return { p50: round(s.p50), p95: round(s.p95), p99: round(s.p99), max: round(s.max), mean: round(s.mean) };
}

export async function openLoop(opts: OpenLoopOptions): Promise<OpenLoopResult> {
  const base = new URL(opts.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.sockets ?? 256, maxFreeSockets: opts.sockets ?? 256 });
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const okStatus = opts.okStatus ?? ((s: number) => s === 200);
  const interval = 1000 / opts.rate;
  const warmupN = Math.round((opts.warmupSec ?? 0) * opts.rate);
  const measuredN = Math.round(opts.durationSec * opts.rate);
  const total = warmupN + measuredN;

  const latencies: number[] = [];
  const lags: number[] = [];
  const errorSamples: string[] = [];
  let sent = 0;
  let ok = 0;
  let errors = 0;
  let outstanding = 0;
  let firstMeasured = NaN;
  let lastDone = NaN;

  const noteError = (msg: string, measured: boolean) => {
    if (!measured) return;
    errors++;
    if (errorSamples.length < 5) errorSamples.push(msg);
  };

  let resolveAll!: () => void;
  const allDone = new Promise<void>((r) => (resolveAll = r));
  let scheduledAll = false;
  const maybeFinish = () => {
    if (scheduledAll && outstanding === 0) resolveAll();
  };

  const fire = (i: number, scheduledAt: number) => {
    const measured = i >= warmupN;
    const spec = opts.request(i);
    const now = performance.now();
    if (measured) {
      sent++;
      lags.push(now - scheduledAt);
      if (Number.isNaN(firstMeasured)) firstMeasured = scheduledAt;
    }
    outstanding++;
    let finished = false;
    const finish = (status: number | null, err?: string) => {
      if (finished) return;
      finished = true;
      outstanding--;
      const end = performance.now();
      if (measured) lastDone = end;
      if (err) noteError(err, measured);
      else if (status !== null && okStatus(status)) {
        if (measured) {
          ok++;
          latencies.push(end - scheduledAt);
        }
      } else noteError(`HTTP ${status}`, measured);
      maybeFinish();
    };
    const req = http.request(
      { host: base.hostname, port: base.port, path: spec.path, method: "GET", agent, headers: spec.headers },
      (res) => {
        res.on("data", () => {});
        res.on("end", () => finish(res.statusCode ?? 0));
        res.on("error", (e) => finish(null, String(e)));
      },
    );
    req.setTimeout(timeoutMs, () => {
      req.destroy(new Error(`timeout after ${timeoutMs} ms`));
    });
    req.on("error", (e) => finish(null, e.message));
    req.end();
  };

  const maxOutstanding = opts.maxOutstanding ?? Math.max(50, Math.round(opts.rate * 5));
  let overloaded: string | undefined;
  const t0 = performance.now() + 20;
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && t0 + next * interval <= now) {
        if (outstanding >= maxOutstanding) {
          overloaded = `stopped after ${((now - t0) / 1000).toFixed(1)} s: ${outstanding} requests unanswered (the server fell ${(outstanding / opts.rate).toFixed(1)} s behind)`;
          return resolve();
        }
        fire(next, t0 + next * interval);
        next++;
      }
      if (next >= total) return resolve();
      const wait = t0 + next * interval - performance.now();
      // setTimeout has ~1 ms granularity; spin with setImmediate when the next send is closer than that.
      if (wait > 1.5) setTimeout(tick, Math.floor(wait - 0.5));
      else setImmediate(tick);
    };
    tick();
  });
  scheduledAll = true;
  maybeFinish();
  await allDone;
  agent.destroy();

  const window = (lastDone - firstMeasured) / 1000;
  const measuredSec = overloaded ? Math.max(0, (next - warmupN) / opts.rate) : opts.durationSec;
  return {
    kind: "open-loop",
    targetRate: opts.rate,
    durationSec: opts.durationSec,
    sent,
    warmupSent: Math.min(next, warmupN),
    ok,
    errors,
    achievedRate: Math.round((ok / Math.max(window, measuredSec, 1e-3)) * 10) / 10,
    latencyMs: latencySummary(latencies),
    sendLagMs: { p99: round(percentile(lags, 99)), max: round(lags.reduce((a, b) => Math.max(a, b), 0)) },
    ...(overloaded ? { overloaded } : {}),
    errorSamples,
  };
}
