// Closed-loop saturation with autocannon (32 connections by default): how
// many requests per second the server completes when every connection sends
// its next request as soon as the previous one answers. Requests rotate over
// a list (or a function) so that many users, each with their own cookie, are
// exercised instead of one hot cache entry.
import { createRequire } from "node:module";
import { percentile, round } from "./stats";
import type { CpuUse } from "./cpu";
import type { RequestSpec } from "./open-loop";

// autocannon ships no types; this is the part of its programmatic API used here.
type AutocannonRequest = { method?: string; path?: string; headers?: Record<string, string>; setupRequest?: (req: AutocannonRequest) => AutocannonRequest };
type AutocannonResult = {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  "2xx": number;
  requests: { average: number; total: number; sent: number };
  latency: { p50: number; p90: number; p99: number; max: number; average: number };
  throughput: { average: number };
};
type AutocannonInstance = {
  on(event: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  on(event: "reqError", fn: (err: Error) => void): void;
  stop(): void;
} & PromiseLike<AutocannonResult>;
type AutocannonFn = (opts: Record<string, unknown>) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)("autocannon") as AutocannonFn;

export type SaturateOptions = {
  /** Base URL, e.g. http://127.0.0.1:3000 */
  url: string;
  /** Requests to rotate over (in order, shared by all connections), or a function of a global counter. */
  requests: RequestSpec[] | ((i: number) => RequestSpec);
  connections?: number;
  durationSec: number;
  /** A run before the measured one at the same concurrency, not recorded (JIT, caches, pools). */
  warmupSec?: number;
  /** Per-request timeout, seconds (default 10). */
  timeoutSec?: number;
  /** Status codes counted as success (default: 2xx). */
  okStatus?: (status: number) => boolean;
};

export type SaturateResult = {
  kind: "saturation";
  connections: number;
  durationSec: number;
  /** Successful responses (2xx unless okStatus says otherwise) per second. */
  rps: number;
  ok: number;
  /** Requests sent, including those still unanswered when the run stopped (the server finishes them anyway). */
  sent: number;
  /** Transport errors + timeouts + unsuccessful responses. */
  errors: number;
  /** Latency of every response (ms), percentiles computed from the raw samples. */
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  /** Mean response size (bytes), a sanity check that the page is the real one. */
  meanBytes: number;
  errorSamples: string[];
  /** CPU used per request by the server and the database (set by the caller, see cpu.ts). */
  cpu?: CpuUse;
};

async function once(opts: SaturateOptions, durationSec: number, record: boolean): Promise<SaturateResult> {
  const pick = typeof opts.requests === "function" ? opts.requests : (i: number) => (opts.requests as RequestSpec[])[i % (opts.requests as RequestSpec[]).length]!;
  let counter = 0;
  const connections = opts.connections ?? 32;
  const instance = autocannon({
    url: opts.url,
    connections,
    duration: durationSec,
    timeout: opts.timeoutSec ?? 10,
    requests: [
      {
        method: "GET",
        setupRequest: (req: AutocannonRequest) => {
          const spec = pick(counter++);
          return { ...req, path: spec.path, headers: { ...(req.headers ?? {}), ...(spec.headers ?? {}) } };
        },
      },
    ],
  });
  const okStatus = opts.okStatus ?? ((s: number) => s >= 200 && s < 300);
  const latencies: number[] = [];
  let bytes = 0;
  let responses = 0;
  let failed = 0;
  const errorSamples: string[] = [];
  instance.on("response", (_c, status, resBytes, ms) => {
    if (!record) return;
    bytes += resBytes;
    responses++;
    if (okStatus(status)) latencies.push(ms);
    else {
      failed++;
      if (errorSamples.length < 5) errorSamples.push(`HTTP ${status}`);
    }
  });
  instance.on("reqError", (err) => {
    if (record && errorSamples.length < 5) errorSamples.push(err.message);
  });
  const r = await instance;
  return {
    kind: "saturation",
    connections,
    durationSec: r.duration,
    rps: round(latencies.length / r.duration),
    ok: latencies.length,
    sent: r.requests.sent,
    errors: r.errors + r.timeouts + failed,
    latencyMs: {
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies.reduce((a, b) => Math.max(a, b), 0)),
      mean: round(latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length)),
    },
    meanBytes: responses ? Math.round(bytes / responses) : 0,
    errorSamples,
  };
}

/** Warm-up (optional), then one measured closed-loop run. */
export async function saturate(opts: SaturateOptions): Promise<SaturateResult> {
  if (opts.warmupSec) await once(opts, opts.warmupSec, false);
  return once(opts, opts.durationSec, true);
}
