// CPU time actually used (from /proc, Linux), per process and per group of
// processes: how many CPU milliseconds one request costs the server and the
// database. Unlike a sampling profile's wall-clock samples, this does not
// count the time a process spent preempted on a busy, shared machine.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

let tickMs: number | undefined;
function msPerTick(): number {
  if (tickMs === undefined) {
    const r = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
    const hz = Number(r.stdout?.trim());
    tickMs = 1000 / (Number.isFinite(hz) && hz > 0 ? hz : 100);
  }
  return tickMs;
}

/** User + system CPU ms of one process (its own threads, not its children); null if it is gone. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) * msPerTick();
  } catch {
    return null;
  }
}

/** CPU ms of every process whose command line matches, by pid. */
export function cpuOfMatching(match: (cmdline: string) => boolean): Map<number, number> {
  const out = new Map<number, number>();
  for (const e of readdirSync("/proc")) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const cmd = readFileSync(`/proc/${e}/cmdline`, "utf8").replace(/\0/g, " ");
      if (!match(cmd)) continue;
      const ms = processCpuMs(Number(e));
      if (ms !== null) out.set(Number(e), ms);
    } catch {
      /* gone */
    }
  }
  return out;
}

/** The Postgres backends serving one database (any client: the whole machine is shared, so this is an upper bound). */
export const postgresBackendsOf = (database: string) => (cmd: string) => cmd.startsWith("postgres: ") && cmd.includes(` ${database} `);

/** Busy and total CPU ms of the whole machine (all cores), from /proc/stat. */
export function machineCpuMs(): { busy: number; total: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: (total - idle) * msPerTick(), total: total * msPerTick() };
}

export type CpuUse = {
  /** CPU ms the server process used per successful request. */
  serverMsPerRequest: number | null;
  /** CPU ms the database's backends used per successful request (includes any other client of that database). */
  dbMsPerRequest: number | null;
  /** Share of the whole machine's CPU that was busy during the run (every process, ours and others'). */
  machineBusyPct: number;
};

/**
 * Runs `fn` and reports the CPU the server process and the database used per
 * request. `requests(result)` counts the requests the server had to serve
 * (sent, not only answered); `drain` (optional) waits until the server has
 * finished the ones still in flight when `fn` returned, so their CPU counts.
 */
export async function measureCpu<T>(
  serverPid: number | undefined,
  database: string,
  requests: (r: T) => number,
  fn: () => Promise<T>,
  drain?: () => Promise<unknown>,
): Promise<{ result: T; cpu: CpuUse }> {
  const isDb = postgresBackendsOf(database);
  const s0 = serverPid ? processCpuMs(serverPid) : null;
  const d0 = cpuOfMatching(isDb);
  const m0 = machineCpuMs();
  const result = await fn();
  if (drain) await drain();
  const s1 = serverPid ? processCpuMs(serverPid) : null;
  const d1 = cpuOfMatching(isDb);
  const m1 = machineCpuMs();
  let db = 0;
  for (const [pid, ms] of d1) db += ms - (d0.get(pid) ?? 0);
  const n = Math.max(1, requests(result));
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return {
    result,
    cpu: {
      serverMsPerRequest: s0 !== null && s1 !== null ? r2((s1 - s0) / n) : null,
      dbMsPerRequest: r2(db / n),
      machineBusyPct: Math.round((1000 * (m1.busy - m0.busy)) / Math.max(1, m1.total - m0.total)) / 10,
    },
  };
}
