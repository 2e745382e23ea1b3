// Child processes for the benchmarks: servers started in their own process
// group (so `next start`'s forked next-server goes down with it), free ports,
// readiness polling, and a cleanup that runs on exit, errors and signals.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export type Group = { child: ChildProcess; name: string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>; log: string[]; startedAt: number };

const live = new Set<Group>();

function killGroup(g: Group, signal: NodeJS.Signals) {
  if (g.child.pid == null) return;
  try {
    process.kill(-g.child.pid, signal);
  } catch {
    try {
      g.child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/** Starts a command in a new process group; keeps the last lines of its output for error reports. */
export function startGroup(name: string, cmd: string, args: string[], opts: SpawnOptions & { echo?: boolean } = {}): Group {
  const startedAt = Date.now();
  const child = spawn(cmd, args, { cwd: repoRoot, ...opts, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line.trim()) continue;
      log.push(line);
      if (log.length > 200) log.shift();
      if (opts.echo) console.log(`[${name}] ${line}`);
    }
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("exit", (code, signal) => resolve({ code, signal }));
    child.on("error", () => resolve({ code: 1, signal: null }));
  });
  const g = { child, name, exited, log, startedAt };
  live.add(g);
  void exited.then(() => live.delete(g));
  return g;
}

/** SIGTERM to the whole group, SIGKILL after `graceMs`; resolves when the leader has exited. */
export async function stopGroup(g: Group, graceMs = 8000): Promise<void> {
  if (g.child.exitCode !== null || g.child.signalCode !== null) {
    killGroup(g, "SIGKILL"); // stragglers in the group (next-server) if the leader died first
    return;
  }
  killGroup(g, "SIGTERM");
  const timer = setTimeout(() => killGroup(g, "SIGKILL"), graceMs);
  await g.exited;
  clearTimeout(timer);
  // The leader is gone; anything left in its group (a forked worker that ignored SIGTERM) goes now.
  killGroup(g, "SIGKILL");
  live.delete(g);
}

/** Kills every group still running (synchronous: safe in an 'exit' handler). */
export function killAllGroups() {
  for (const g of live) killGroup(g, "SIGKILL");
  live.clear();
}

let hooked = false;
/**
 * Installs once: on SIGINT/SIGTERM/SIGHUP every started group gets SIGTERM
 * (so a child benchmark can stop its own servers), then SIGKILL after 5 s;
 * on exit, anything still running is killed.
 */
export function installCleanup() {
  if (hooked) return;
  hooked = true;
  process.on("exit", killAllGroups);
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(sig, () => {
      const groups = [...live];
      for (const g of groups) killGroup(g, "SIGTERM");
      const code = 128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const)[sig];
      const timer = setTimeout(() => process.exit(code), 5000);
      void Promise.all(groups.map((g) => g.exited)).then(() => {
        clearTimeout(timer);
        process.exit(code);
      });
    });
  }
}

/** Polls `url` until `ok(status)` or the group exits or the timeout passes. */
export async function waitForHttp(g: Group, url: string, ok: (status: number) => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void g.exited.then(() => (exited = true));
  let last = "";
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${g.name} exited before it was ready:\n${g.log.slice(-30).join("\n")}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (ok(res.status)) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${g.name} not ready at ${url} after ${timeoutMs} ms (${last}):\n${g.log.slice(-30).join("\n")}`);
}

/** `node --import tsx <file> ...args`: a TypeScript child without npx's extra processes. */
export function tsxArgs(file: string, args: string[] = []): string[] {
  return ["--import", "tsx", path.resolve(repoRoot, file), ...args];
}

/**
 * Waits until the server answers a cheap probe quickly again (a backlog left by
 * an overloaded open-loop run, or requests the generator gave up on, would
 * otherwise be served during the next measurement). Returns the ms waited.
 */
export async function settle(probeUrl: string, opts: { fastMs?: number; maxMs?: number; headers?: Record<string, string> } = {}): Promise<number> {
  const fastMs = opts.fastMs ?? 50;
  const t0 = Date.now();
  let fastInARow = 0;
  while (Date.now() - t0 < (opts.maxMs ?? 30_000)) {
    const t = performance.now();
    try {
      const res = await fetch(probeUrl, { headers: opts.headers, signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
    } catch {
      /* still busy */
    }
    fastInARow = performance.now() - t < fastMs ? fastInARow + 1 : 0;
    if (fastInARow >= 2) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - t0;
}

/** Pids of `next build` processes running on this machine (any user's): .next is being rewritten while they run. */
export function runningNextBuilds(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ");
      if (/next-build|next(\.js)?\s+build\b|next\/dist\/bin\/next build/.test(cmd)) pids.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  return pids;
}

/** Median latency (ms) of `n` sequential probes: the idle baseline that settle() compares against. */
export async function probeBaseline(probeUrl: string, headers?: Record<string, string>, n = 7): Promise<number> {
  const ts: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(probeUrl, { headers });
    await res.arrayBuffer();
    ts.push(performance.now() - t);
  }
  return ts.sort((a, b) => a - b)[Math.floor(n / 2)]!;
}
