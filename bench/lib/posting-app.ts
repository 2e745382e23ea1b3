// Shared by bench/http/posting.ts and bench/browser/lab.ts: start the built
// app (`next start`) on a free port against a benchmark database, mint
// small statistics helpers (sessions: bench/lib/session.ts).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");

/** The build directory: .next, or NEXT_DIST_DIR when next.config.js honours it (a build beside a running server's). */
export function distDir(): string {
  return path.resolve(root, process.env.NEXT_DIST_DIR || ".next");
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function flag(argv: string[], name: string): boolean {
  return argv.includes(name);
}

export function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** The machine's load average (1, 5, 15 min), rounded: the machine is shared. */
export function loadAvg(): number[] {
  return os.loadavg().map((x) => Math.round(x * 100) / 100);
}

// ---------------------------------------------------------------- statistics

export type Summary = { n: number; min: number; mean: number; p50: number; p90: number; p95: number; p99: number; max: number };

/** Percentile with linear interpolation between closest ranks; q in [0, 1]. */
export function percentile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (pos - lo);
}

const r2 = (x: number) => Math.round(x * 100) / 100;

export function summarize(values: number[]): Summary {
  const s = [...values].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return {
    n: s.length,
    min: r2(s[0] ?? NaN),
    mean: r2(mean),
    p50: r2(percentile(s, 0.5)),
    p90: r2(percentile(s, 0.9)),
    p95: r2(percentile(s, 0.95)),
    p99: r2(percentile(s, 0.99)),
    max: r2(s[s.length - 1] ?? NaN),
  };
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 0.5);
}

/** Deterministic PRNG (mulberry32), so every run samples the same users. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// --------------------------------------------------------------------- build

const SOURCE_ROOTS = ["app", "src", "messages", "proxy.ts", "next.config.js", "instrumentation.ts", "postcss.config.mjs"];

function newestSourceMtime(): { file: string; mtime: number } {
  let best = { file: "", mtime: 0 };
  const walk = (p: string) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      const base = path.basename(p);
      if (base === "generated" || base === "node_modules" || base === "test") return;
      for (const e of readdirSync(p)) walk(path.join(p, e));
    } else if (!/\.test\.tsx?$/.test(p) && st.mtimeMs > best.mtime) {
      best = { file: path.relative(root, p), mtime: st.mtimeMs };
    }
  };
  for (const s of SOURCE_ROOTS) walk(path.join(root, s));
  return best;
}

/** PIDs of `next build` / `next analyze` processes running on this machine (any user of .next). */
function runningBuilds(): number[] {
  const pids: number[] = [];
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, "utf8").split("\0").join(" ");
      if (/\bnext(\.js)?\s+(build|analyze|experimental-analyze)\b|next\/dist\/bin\/next\s+(build|analyze)/.test(cmd)) pids.push(Number(d));
    } catch {
      /* gone */
    }
  }
  return pids;
}

/**
 * Makes sure .next holds a production build: waits for anyone else's build
 * to finish, builds if BUILD_ID is missing, or stale (a source file newer
 * than it) unless noBuild. A failed rebuild falls back to the old build.
 */
export async function ensureBuild(opts: { noBuild?: boolean; log?: (s: string) => void } = {}): Promise<{ buildId: string; built: boolean; stale: string | null }> {
  const log = opts.log ?? ((s: string) => console.log(s));
  const idFile = path.join(distDir(), "BUILD_ID");
  for (let waited = 0; runningBuilds().length; waited += 5) {
    if (waited % 30 === 0) log(`[build] another next build is running (pids ${runningBuilds().join(",")}), waiting...`);
    if (waited > 900) throw new Error("gave up waiting for another next build");
    await sleep(5000);
  }
  const newest = newestSourceMtime();
  const missing = !existsSync(idFile);
  const stale = !missing && newest.mtime > statSync(idFile).mtimeMs ? newest.file : null;
  let built = false;
  if (missing || (stale && !opts.noBuild)) {
    log(missing ? `[build] no ${path.relative(root, idFile)}: running next build` : `[build] build is older than ${stale}: running next build`);
    const r = spawnSync(process.execPath, [nextBin, "build"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" },
      encoding: "utf8",
    });
    if (r.status !== 0) {
      log(`[build] next build failed:\n${(r.stdout ?? "").slice(-3000)}\n${(r.stderr ?? "").slice(-3000)}`);
      if (!existsSync(idFile)) throw new Error("next build failed and there is no previous build");
      log("[build] using the previous build");
    } else built = true;
  } else if (stale) {
    log(`[build] note: build is older than ${stale} (--no-build given)`);
  }
  return { buildId: readFileSync(idFile, "utf8").trim(), built, stale: built ? null : stale };
}

// ----------------------------------------------------------------------- app

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export type App = { baseUrl: string; port: number; secret: string; logFile: string; pid: number; stop: () => Promise<void> };

/**
 * `next start` on a free port (its own process group: next start forks
 * next-server), against databaseUrl, with the pg-boss worker running in
 * process as in production. stop() ends the whole group.
 */
export async function startApp(opts: { databaseUrl: string; name: string; env?: Record<string, string>; nodeArgs?: string[] }): Promise<App> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const secret = `bench-secret-${opts.name}-${process.pid}`;
  const logFile = path.join(os.tmpdir(), `kongjian-bench-${opts.name}-${port}.log`);
  const fd = openSync(logFile, "w");
  const child: ChildProcess = spawn(process.execPath, [...(opts.nodeArgs ?? []), nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", fd, fd],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: opts.databaseUrl,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: baseUrl,
      AUTH_RATE_LIMIT_IP_POINTS: "100000",
      NEXT_TELEMETRY_DISABLED: "1",
      CHECKPOINT_DISABLE: "1",
      ...opts.env,
    },
  });
  closeSync(fd);
  const pid = child.pid!;
  let exited = false;
  child.on("exit", () => (exited = true));
  const killGroup = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      /* already gone */
    }
  };
  const onExit = () => killGroup("SIGKILL");
  process.on("exit", onExit);
  const onSignal = () => {
    killGroup("SIGKILL");
    process.exit(130);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  const stop = async () => {
    killGroup("SIGTERM");
    for (let i = 0; i < 50; i++) {
      if (!groupAlive(pid)) break;
      await sleep(100);
    }
    killGroup("SIGKILL");
    process.off("exit", onExit);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };

  const t0 = Date.now();
  for (;;) {
    if (exited) throw new Error(`next start exited early; see ${logFile}:\n${readFileSync(logFile, "utf8").slice(-2000)}`);
    try {
      const r = await fetch(`${baseUrl}/signin`, { signal: AbortSignal.timeout(5000) });
      await r.arrayBuffer();
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() - t0 > 90_000) {
      await stop();
      throw new Error(`next start not ready after 90 s; see ${logFile}`);
    }
    await sleep(200);
  }
  return { baseUrl, port, secret, logFile, pid, stop };
}

/** CPU time (user + system, ms) used so far by the live processes of a process group (the app: next start + next-server). */
export function groupCpuMs(pgid: number): number {
  let ticks = 0;
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      // Fields after the command name "(...)": state is field 3, pgrp 5, utime 14, stime 15.
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(f[2]) === pgid) ticks += Number(f[11]) + Number(f[12]);
    } catch {
      /* gone */
    }
  }
  return ticks * 10; // CLK_TCK is 100 on Linux
}

/** Whether any process of the group is still alive. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Error lines the server logged (for the report: a benchmark should not hide server errors). */
export function serverErrors(logFile: string): string[] {
  try {
    return readFileSync(logFile, "utf8")
      .split("\n")
      .filter((l) => /error|\[jobs\]|unhandled|ECONN|deadlock/i.test(l))
      .slice(0, 50);
  } catch {
    return [];
  }
}
