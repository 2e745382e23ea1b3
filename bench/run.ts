// `npm run bench -- [--tier S|tiny] [--quick]`: the whole benchmark suite, in order,
// then ONE summary table (each figure, its target, pass/miss, ratios to the
// floors) written to bench/results/summary-<tier>.json.
//
//   1. feed SQL floor      bench/feed-sql.ts          -> results/feed-sql-<tier>.json
//   2. server floors       bench/http/floor-servers.ts -> results/floors-<tier>.json
//   3. app workloads       bench/http/app.ts          -> results/app-<tier>.json
//   4. posting             bench/http/posting.ts      -> results/posting-<tier>.json
//   5. browser lab         bench/browser/lab.ts       -> results/browser-<tier>.json
// Each step is a child process (`tsx <file> --tier X [--quick]`) so a crash in one
// does not take the others down; a step whose script does not exist yet is
// skipped with a note. --quick (CI smoke test, tier tiny) uses tiny durations.
// Exit code: 0 whether or not targets are met; 1 only if a step crashed (or
// timed out). The tier is seeded first only if its database does not exist.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { installCleanup, repoRoot, startGroup, stopGroup, tsxArgs } from "./lib/processes";
import { round } from "./lib/stats";
import { benchDatabaseUrl, parseTier, writeResult, type Tier } from "./lib/tiers";

type Step = { name: string; script: string; result: string; args?: string[]; timeoutSec: number };
type StepOutcome = { name: string; status: "ok" | "skipped" | "crashed" | "timed out" | "no result"; seconds: number; note?: string; exitCode?: number | null };

const resultsDir = path.join(repoRoot, "bench/results");
const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;

async function databaseExists(tier: Tier): Promise<boolean> {
  const admin = new URL(benchDatabaseUrl(tier));
  const name = admin.pathname.slice(1);
  admin.pathname = "/postgres";
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  try {
    return (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
  } finally {
    await c.end();
  }
}

/** Runs one step as a child (output passed through, prefixed), with a time limit; the result file must be newer than the start. */
async function runStep(step: Step, tier: Tier, quick: boolean): Promise<StepOutcome> {
  const t0 = Date.now();
  const seconds = () => round((Date.now() - t0) / 1000);
  if (!existsSync(path.join(repoRoot, step.script))) return { name: step.name, status: "skipped", seconds: 0, note: `${step.script} does not exist yet` };
  const args = ["--tier", tier, ...(quick ? ["--quick"] : []), ...(step.args ?? [])];
  console.log(`\n=== ${step.name}: tsx ${step.script} ${args.join(" ")}`);
  const g = startGroup(step.name, process.execPath, tsxArgs(step.script, args), { echo: true, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" } });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    console.log(`[run] ${step.name} exceeded ${step.timeoutSec} s: stopping it`);
    void stopGroup(g, 5000);
  }, step.timeoutSec * 1000);
  const { code } = await g.exited;
  clearTimeout(timer);
  await stopGroup(g, 1000); // anything the step left in its process group
  const file = path.join(resultsDir, step.result);
  if (timedOut) return { name: step.name, status: "timed out", seconds: seconds(), exitCode: code };
  if (code !== 0) return { name: step.name, status: "crashed", seconds: seconds(), exitCode: code, note: g.log.slice(-5).join(" | ") };
  if (!existsSync(file) || statSync(file).mtimeMs < t0) return { name: step.name, status: "no result", seconds: seconds(), note: `${step.result} was not written` };
  return { name: step.name, status: "ok", seconds: seconds() };
}

// ---------------------------------------------------------------------------
// The summary

type Row = { figure: string; value: number | string | null; unit: string; target: string; pass: boolean | null; valid: boolean | null; note?: string };

function get(obj: unknown, pathSpec: string): unknown {
  let cur = obj;
  for (const k of pathSpec.split(".")) {
    if (cur == null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}
const num = (x: unknown): number | null => (typeof x === "number" && Number.isFinite(x) ? x : null);
const check = (v: number | null, op: "<=" | ">=", target: number) => (v === null ? null : op === "<=" ? v <= target : v >= target);

function summaryRows(files: Record<string, Record<string, unknown> | null>): Row[] {
  const rows: Row[] = [];
  const floors = files.floors;
  const app = files.app;
  const bare = (k: string) => get(floors, `servers.bare.${k}`);
  const prisma = (k: string) => get(floors, `servers.prisma.${k}`);
  const appR = (k: string) => get(app, `results.${k}`);
  const valid = (...xs: unknown[]) => (xs.some((x) => x === undefined) ? null : xs.every((x) => x === true));

  // CPU per request (server process / database backends), measured from /proc during the saturation runs.
  const cpuNote = (prefix: (k: string) => unknown) => {
    const srv = num(prefix("cpu.serverMsPerRequest"));
    const db = num(prefix("cpu.dbMsPerRequest"));
    return srv === null ? "" : `CPU/req server ${srv} ms, db ${db ?? "?"} ms`;
  };

  // Feed API (workload 3)
  const feedRps = num(appR("feedApiSaturation.rps.median"));
  rows.push({ figure: "feed API GET /api/feed, saturation (32 conns)", value: feedRps, unit: "req/s", target: ">= 1000", pass: check(feedRps, ">=", 1000), valid: valid(appR("feedApiSaturation.valid")), note: `p50 ${num(appR("feedApiSaturation.p50.median")) ?? "?"} ms; ${cpuNote((k) => appR(`feedApiSaturation.${k}`))}` });
  const olP95 = num(appR("feedApiOpenLoop300.p95.median"));
  const olP99 = num(appR("feedApiOpenLoop300.p99.median"));
  const olP50 = num(appR("feedApiOpenLoop300.p50.median"));
  const olValid = valid(appR("feedApiOpenLoop300.valid"));
  const overloaded = appR("feedApiOpenLoop300.overloaded");
  rows.push({ figure: "feed API open loop 300 req/s: p50", value: olP50, unit: "ms", target: "-", pass: null, valid: olValid, note: `achieved ${num(appR("feedApiOpenLoop300.achievedRate.median")) ?? "?"} req/s${overloaded ? "; OVERLOADED: server fell behind, sending stopped" : ""}` });
  rows.push({ figure: "feed API open loop 300 req/s: p95", value: olP95, unit: "ms", target: "<= 25", pass: check(olP95, "<=", 25), valid: olValid });
  rows.push({ figure: "feed API open loop 300 req/s: p99", value: olP99, unit: "ms", target: "<= 50", pass: check(olP99, "<=", 50), valid: olValid });

  // Ratios to the floors, measured in this same run.
  const bareOlP50 = num(bare("openLoop.p50.median"));
  const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? round(a / b) : null);
  const r1 = ratio(olP50, bareOlP50);
  rows.push({ figure: "feed API p50 / bare node:http+pg p50 (open loop 300)", value: r1, unit: "x", target: "<= 2", pass: check(r1, "<=", 2), valid: valid(appR("feedApiOpenLoop300.valid"), bare("openLoop.valid")), note: `floor p50 ${bareOlP50 ?? "?"} ms` });
  const r2 = ratio(num(appR("feedApiSaturation.p50.median")), num(bare("saturation.p50.median")));
  rows.push({ figure: "feed API p50 / bare p50 (saturation, 32 conns)", value: r2, unit: "x", target: "(info)", pass: null, valid: valid(appR("feedApiSaturation.valid"), bare("saturation.valid")) });
  const r3 = ratio(num(bare("saturation.rps.median")), feedRps);
  rows.push({ figure: "bare floor req/s / feed API req/s", value: r3, unit: "x", target: "(info)", pass: null, valid: valid(appR("feedApiSaturation.valid"), bare("saturation.valid")) });

  // The floors serve the app's feed: the same bytes for the same users (checked by app.ts).
  const match = get(app, "checks.feedMatchesFloor") as { users: number; matched: number; mismatched: number[] } | undefined;
  if (match) {
    rows.push({ figure: "GET /api/feed body == floor page (same users)", value: `${match.matched}/${match.users}`, unit: "", target: "all", pass: match.matched === match.users, valid: null, note: match.mismatched.length ? `differs for users ${match.mismatched.slice(0, 5).join(", ")}` : "" });
  }

  // Floors (workload 2)
  for (const [label, f] of [["bare node:http+pg", bare], ["node:http+Prisma 7", prisma]] as const) {
    const rps = num(f("saturation.rps.median"));
    rows.push({ figure: `floor ${label}: saturation`, value: rps, unit: "req/s", target: "(floor)", pass: null, valid: valid(f("saturation.valid")), note: `p50 ${num(f("saturation.p50.median")) ?? "?"} / p99 ${num(f("saturation.p99.median")) ?? "?"} ms; ${cpuNote((k) => f(`saturation.${k}`))}` });
    rows.push({ figure: `floor ${label}: open loop 300 p50/p95/p99`, value: num(f("openLoop.p50.median")), unit: "ms", target: "(floor)", pass: null, valid: valid(f("openLoop.valid")), note: `p95 ${num(f("openLoop.p95.median")) ?? "?"} / p99 ${num(f("openLoop.p99.median")) ?? "?"} ms` });
  }

  // Pages (workload 5)
  const homeRps = num(appR("homePageSaturation.rps.median"));
  rows.push({ figure: "feed page GET / signed in, saturation", value: homeRps, unit: "req/s", target: ">= 300", pass: check(homeRps, ">=", 300), valid: valid(appR("homePageSaturation.valid")), note: `p50 ${num(appR("homePageSaturation.p50.median")) ?? "?"} / p95 ${num(appR("homePageSaturation.p95.median")) ?? "?"} ms; ${cpuNote((k) => appR(`homePageSaturation.${k}`))}` });
  for (const [label, key] of [["space page /u/<handle> signed in", "spaceSignedInSaturation"], ["space page /u/<handle> anonymous", "spaceAnonymousSaturation"]] as const) {
    rows.push({ figure: `${label}, saturation`, value: num(appR(`${key}.rps.median`)), unit: "req/s", target: "(info)", pass: null, valid: valid(appR(`${key}.valid`)), note: `p50 ${num(appR(`${key}.p50.median`)) ?? "?"} / p95 ${num(appR(`${key}.p95.median`)) ?? "?"} ms; ${cpuNote((k) => appR(`${key}.${k}`))}` });
  }
  for (const [label, key] of [["diag: GET /api/feed without session (401)", "diagApiNoSession401"], ["diag: GET /api/auth/session (JWT only)", "diagAuthSessionRoute"], ["diag: GET / anonymous (layout + hero, no feed)", "diagHomeAnonymous"]] as const) {
    if (appR(key) === undefined) continue;
    rows.push({ figure: label, value: num(appR(`${key}.rps.median`)), unit: "req/s", target: "(info)", pass: null, valid: valid(appR(`${key}.valid`)), note: `p50 ${num(appR(`${key}.p50.median`)) ?? "?"} ms; ${cpuNote((k) => appR(`${key}.${k}`))}` });
  }
  const stale = get(app, "build.staleVs");
  if (stale) rows.push({ figure: "note: app build older than its sources", value: String(stale), unit: "", target: "(info)", pass: null, valid: null, note: "figures are for the existing build" });
  for (const [label, key] of [["feed API request", "feedApi"], ["feed page request", "homePage"]] as const) {
    const cpuPerReq = num(get(app, `profile.routes.${key}.cpuMsPerRequest`));
    if (cpuPerReq === null) continue;
    const top = (get(app, `profile.routes.${key}.byArea`) as { area: string; pct: number }[] | undefined)?.slice(0, 4).map((a) => `${a.area} ${a.pct}%`).join(", ");
    rows.push({ figure: `diag: server CPU per ${label} (under profiler)`, value: cpuPerReq, unit: "ms", target: "(info)", pass: null, valid: null, note: top ? `top: ${top}` : "" });
  }

  // Posting (workload 4)
  const posting = files.posting;
  if (posting) {
    const p95 = num(get(posting, "createLatencyMs.sequential.p95"));
    rows.push({ figure: "create post POST /api/posts p95 (sequential)", value: p95, unit: "ms", target: "<= 30", pass: check(p95, "<=", 30), valid: null, note: `at concurrency ${get(posting, "createLatencyMs.concurrent.concurrency") ?? "?"}: p95 ${num(get(posting, "createLatencyMs.concurrent.p95")) ?? "?"} ms` });
    const vis = get(posting, "visibility");
    if (Array.isArray(vis)) {
      for (const v of vis as Record<string, unknown>[]) {
        const p = num(get(v, "visibleMs.p95"));
        rows.push({ figure: `new post on followers' first page p95 (~${v.targetFollowers} followers)`, value: p, unit: "ms", target: "<= 2000", pass: check(p, "<=", 2000), valid: null, note: `${v.samples ?? "?"} samples, ${v.timeouts ?? 0} timeouts` });
      }
    }
    const hot = get(posting, "hotAccount");
    if (hot && typeof hot === "object") {
      const p = num(get(hot, "visibleMs.p95"));
      rows.push({ figure: "new hot-account post on followers' first page p95", value: p, unit: "ms", target: "<= 5000", pass: check(p, "<=", 5000), valid: null });
    }
  }

  // Browser lab (workload 6)
  const browser = files.browser;
  if (browser) {
    const js = get(browser, "firstLoadJs");
    if (Array.isArray(js)) {
      for (const j of js as Record<string, unknown>[]) {
        const kb = num(j.jsGzipBytes) === null ? null : round((j.jsGzipBytes as number) / 1000);
        const hasTarget = j.targetGzipBytes != null;
        rows.push({ figure: `first-load JS ${j.scenario ?? ""} ${j.path ?? ""}`.trim(), value: kb, unit: "kB gzip", target: hasTarget ? "<= 150" : "(info)", pass: hasTarget ? check(kb, "<=", 150) : null, valid: null });
      }
    }
    const vitals = get(browser, "vitals");
    if (Array.isArray(vitals)) {
      for (const v of vitals as Record<string, unknown>[]) {
        const lcp = num(get(v, "median.lcpMs"));
        rows.push({ figure: `LCP slow 4G + 4x CPU: ${v.scenario ?? ""} ${v.path ?? ""}`.trim(), value: lcp, unit: "ms", target: "<= 2500", pass: check(lcp, "<=", 2500), valid: null, note: `CLS ${num(get(v, "median.cls")) ?? "?"}` });
      }
    }
  }

  // Feed SQL floor (workload 1): the hybrid first page as the app runs it, per bucket, against that script's own targets.
  const sql = files.feedSql;
  const sqlRows = get(sql, "results");
  if (Array.isArray(sqlRows)) {
    for (const r of (sqlRows as Record<string, unknown>[]).filter((x) => x.design === "hybrid||" && x.page === "first")) {
      const p95 = num(r.p95);
      const target = num(r.targetP95);
      rows.push({ figure: `feed SQL hybrid first page p95, ${r.bucket} sources (${r.users} users)`, value: p95, unit: "ms", target: target === null ? "(info)" : `<= ${target}`, pass: target === null ? null : check(p95, "<=", target), valid: r.noisy === undefined ? null : !r.noisy, note: `p50 ${num(r.p50) ?? "?"} ms` });
    }
  }
  return rows;
}

function printTable(rows: Row[]) {
  const fmt = (v: Row["value"]) => (v === null ? "n/a" : String(v));
  const cells = rows.map((r) => [r.figure, `${fmt(r.value)} ${r.value === null ? "" : r.unit}`.trim(), r.target, r.pass === null ? "" : r.pass ? "PASS" : "MISS", r.valid === false ? "INVALID (noisy)" : "", r.note ?? ""]);
  const head = ["figure", "value", "target", "result", "validity", "note"];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join(" | ");
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const c of cells) console.log(line(c));
}

async function main() {
  installCleanup();
  const tier = parseTier(process.argv);
  const quick = process.argv.includes("--quick");
  const t0 = Date.now();
  const loadStart = os.loadavg().map(round);
  const outcomes: StepOutcome[] = [];

  if (!(await databaseExists(tier))) {
    console.log(`[run] database for tier ${tier} does not exist: seeding it (npm run bench:seed -- --tier ${tier})`);
    const code = await new Promise<number | null>((resolve) => {
      const c = spawn(process.execPath, tsxArgs("bench/seed.ts", ["--tier", tier]), { cwd: repoRoot, stdio: "inherit" });
      c.on("exit", (code) => resolve(code));
    });
    outcomes.push({ name: "seed", status: code === 0 ? "ok" : "crashed", seconds: round((Date.now() - t0) / 1000), exitCode: code });
  }

  const q = quick;
  const steps: (Step & { key: string })[] = [
    { key: "feedSql", name: "feed SQL floor", script: "bench/feed-sql.ts", result: `feed-sql-${tier}.json`, timeoutSec: q ? 120 : 1800 },
    { key: "floors", name: "server floors", script: "bench/http/floor-servers.ts", result: `floors-${tier}.json`, timeoutSec: q ? 120 : 900 },
    { key: "app", name: "app workloads", script: "bench/http/app.ts", result: `app-${tier}.json`, args: q ? [] : ["--profile"], timeoutSec: q ? 150 : 1200 },
    { key: "posting", name: "posting", script: "bench/http/posting.ts", result: `posting-${tier}.json`, timeoutSec: q ? 120 : 1200 },
    { key: "browser", name: "browser lab", script: "bench/browser/lab.ts", result: `browser-${tier}.json`, args: q ? ["--runs", "1"] : [], timeoutSec: q ? 150 : 1200 },
  ];
  const files: Record<string, Record<string, unknown> | null> = {};
  for (const s of steps) {
    const outcome = await runStep(s, tier, quick);
    outcomes.push(outcome);
    const file = path.join(resultsDir, s.result);
    files[s.key] = outcome.status === "ok" ? readJson(file) : null;
    if (outcome.status !== "ok") console.log(`[run] ${s.name}: ${outcome.status}${outcome.note ? ` (${outcome.note})` : ""}`);
  }

  const rows = summaryRows(files);
  console.log(`\n=== Summary, tier ${tier}${quick ? " (quick: smoke-test durations, figures are not meaningful)" : ""}; load average ${os.loadavg().map(round).join(" ")} on ${os.cpus().length} cores\n`);
  printTable(rows);
  console.log("");
  for (const o of outcomes) console.log(`  step ${o.name}: ${o.status} (${o.seconds} s)${o.note ? ` - ${o.note}` : ""}`);
  const targets = rows.filter((r) => r.pass !== null);
  const summary = {
    tier,
    quick,
    node: process.version,
    cpus: os.cpus().length,
    loadavg: { start: loadStart, end: os.loadavg().map(round) },
    seconds: round((Date.now() - t0) / 1000),
    steps: outcomes,
    targets: { met: targets.filter((r) => r.pass).length, missed: targets.filter((r) => r.pass === false).length, invalid: rows.filter((r) => r.valid === false).length },
    rows,
    results: Object.fromEntries(steps.map((s) => [s.key, outcomes.find((o) => o.name === s.name)?.status === "ok" ? `bench/results/${s.result}` : null])),
  };
  const file = writeResult(`summary-${tier}`, summary);
  console.log(`\n[run] ${summary.targets.met} targets met, ${summary.targets.missed} missed, ${summary.targets.invalid} figures invalid (noisy); wrote ${path.relative(repoRoot, file)} in ${summary.seconds} s`);
  const crashed = outcomes.filter((o) => o.status === "crashed" || o.status === "timed out" || o.status === "no result");
  process.exit(crashed.length ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
