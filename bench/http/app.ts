// Workloads 3 and 5 against the real app (`next start`, production build):
//   - GET /api/feed signed in: saturation (autocannon, 32 connections) and open loop at 300 req/s
//   - GET / signed in (the feed page): saturation
//   - GET /u/<handle> signed in and anonymous: saturation, with p50/p95
// rotating over a fixed sample of ~200 bench users (mixed feed-source buckets),
// each with a session cookie minted as next-auth would (bench/lib/session.ts).
// Every measurement: warm-up, 3 repetitions, median and spread, and a noisy
// run (coefficient of variation > 0.25) is marked invalid.
// Diagnostics (where the time goes): the same route without a session (401:
// proxy + routing + next-auth with no cookie), GET /api/auth/session (session
// decode/re-encode, no database), and with --profile a V8 CPU profile of the
// server under the feed API's saturation load.
//
//   npx tsx bench/http/app.ts --tier S|tiny [--quick] [--profile]
//   writes bench/results/app-<tier>.json
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import { measureCpu, processCpuMs } from "../lib/cpu";
import { summarizeProfiles } from "../lib/cpuprofile";
import { bareQueries, feedPage } from "../lib/feed-floor";
import { openLoop, type RequestSpec } from "../lib/open-loop";
import { distDir } from "../lib/posting-app";
import { freePort, installCleanup, probeBaseline, repoRoot, runningNextBuilds, settle, startGroup, stopGroup, waitForHttp, type Group } from "../lib/processes";
import { loadAverage, repeat, summarizeOpenLoop, summarizeSaturation, type OpenLoopSummary, type SaturationSummary } from "../lib/repeat";
import { sampleUsers, tierReady, type SampleUser } from "../lib/sample-users";
import { saturate } from "../lib/saturate";
import { mintSessionCookies, verifySessionCookie } from "../lib/session";
import { benchDatabaseUrl, parseTier, writeResult, type Tier } from "../lib/tiers";

const nextBin = path.join(repoRoot, "node_modules/next/dist/bin/next");

// The build next start serves: NEXT_DIST_DIR when set (a build beside a running server), else .next.
const idFile = path.join(distDir(), "BUILD_ID");
const currentBuildId = () => (existsSync(idFile) ? readFileSync(idFile, "utf8").trim() : null);

/** Builds the app if there is no production build (next start needs one); first waits for anyone else's `next build` to finish. */
async function ensureBuild(): Promise<{ buildId: string; builtAt: string; builtNow: boolean; staleVs: string | null }> {
  for (let waited = 0; runningNextBuilds().length; waited += 2) {
    if (waited % 30 === 0) console.log(`[app] waiting for another next build to finish (pids ${runningNextBuilds().join(", ")})`);
    if (waited > 900) throw new Error("another next build has been running for 15 minutes");
    await new Promise((r) => setTimeout(r, 2000));
  }
  let builtNow = false;
  if (!existsSync(idFile)) {
    console.log("[app] no .next/BUILD_ID: running next build");
    const r = spawnSync(process.execPath, [nextBin, "build"], { cwd: repoRoot, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (r.status !== 0) throw new Error(`next build failed (exit ${r.status})`);
    builtNow = true;
  }
  const builtAtMs = statSync(idFile).mtimeMs;
  const newer = newestSource();
  if (newer.mtime > builtAtMs) console.log(`[app] note: the build is older than ${newer.file} (measuring the existing build; rebuild with npm run build)`);
  return { buildId: readFileSync(idFile, "utf8").trim(), builtAt: new Date(builtAtMs).toISOString(), builtNow, staleVs: newer.mtime > builtAtMs ? newer.file : null };
}

/** The most recently modified source file the build is made from. */
function newestSource(): { file: string; mtime: number } {
  let best = { file: "", mtime: 0 };
  const walk = (p: string) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      if (["generated", "node_modules", "test"].includes(path.basename(p))) return;
      for (const e of readdirSync(p)) walk(path.join(p, e));
    } else if (!/\.test\.tsx?$/.test(p) && st.mtimeMs > best.mtime) best = { file: path.relative(repoRoot, p), mtime: st.mtimeMs };
  };
  for (const s of ["app", "src", "messages", "public", "proxy.ts", "next.config.js", "instrumentation.ts"]) walk(path.join(repoRoot, s));
  return best;
}

type App = { url: string; group: Group; secret: string };

async function startApp(databaseUrl: string, secret: string, nodeArgs: string[] = []): Promise<App> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // `next start` serves from this very process (it retitles itself next-server), so node flags apply to the server.
  const group = startGroup("next", process.execPath, [...nodeArgs, nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: url,
      NEXT_TELEMETRY_DISABLED: "1",
      CHECKPOINT_DISABLE: "1",
    },
  });
  await waitForHttp(group, `${url}/api/feed`, (s) => s === 401, 90_000);
  return { url, group, secret };
}

/** Runs `fn` over `items` with at most `n` in flight. */
async function pool<T>(items: T[], n: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers, redirect: "manual" });
  return { status: res.status, body: await res.text() };
}

type Durations = { reps: number; warm: number; sat: number; ol: number; olWarm: number };

export async function measureApp(tier: Tier, quick: boolean, opts: { profile?: boolean } = {}) {
  const databaseUrl = benchDatabaseUrl(tier);
  const ready = await tierReady(databaseUrl);
  if (!ready.ok) throw new Error(`tier ${tier} is not seeded: ${ready.reason}`);
  const build = await ensureBuild();
  const secret = process.env.NEXTAUTH_SECRET ?? crypto.randomBytes(32).toString("base64url");
  const { users, buckets } = await sampleUsers(databaseUrl, quick ? 30 : 200);
  const sessions = await mintSessionCookies(databaseUrl, users.map((u) => u.id), secret);
  const cookie = (u: SampleUser) => sessions.get(u.id)!.cookie;
  const n = users.length;

  const feedApi: RequestSpec[] = users.map((u) => ({ path: "/api/feed", headers: { cookie: cookie(u) } }));
  const home: RequestSpec[] = users.map((u) => ({ path: "/", headers: { cookie: cookie(u) } }));
  // Each viewer visits another sample user's space (popular and quiet spaces mixed).
  const spaceSignedIn: RequestSpec[] = users.map((u, i) => ({ path: `/u/${users[(i + 1) % n]!.handle}`, headers: { cookie: cookie(u) } }));
  const spaceAnonymous: RequestSpec[] = users.map((u) => ({ path: `/u/${u.handle}` }));
  const apiNoSession: RequestSpec[] = [{ path: "/api/feed" }];
  const authSession: RequestSpec[] = users.map((u) => ({ path: "/api/auth/session", headers: { cookie: cookie(u) } }));
  const homeAnonymous: RequestSpec[] = [{ path: "/" }];

  const d: Durations = quick ? { reps: 3, warm: 0.3, sat: 1.5, ol: 1, olWarm: 0.2 } : { reps: 3, warm: 3, sat: 10, ol: 15, olWarm: 2 };
  const loadBefore = loadAverage();
  installCleanup();
  const t0 = Date.now();
  const app = await startApp(databaseUrl, secret);
  const startupMs = Date.now() - t0;
  const url = app.url;
  const results: Record<string, SaturationSummary | OpenLoopSummary> = {};
  const checks: Record<string, unknown> = {};
  let profile: unknown = undefined;
  // The server must survive the whole run: if it exits, stop with its last output (a crash, OOM, or someone killing it).
  let serverExit: string | null = null;
  void app.group.exited.then(({ code, signal }) => (serverExit = `next start exited (code ${code}, signal ${signal}) during the run:\n${app.group.log.slice(-40).join("\n")}`));
  const alive = () => {
    if (serverExit) throw new Error(serverExit);
  };
  try {
    // The minted cookie is accepted, and a missing one refused.
    checks.session = await verifySessionCookie(url, cookie(users[0]!));

    // Warm-up: a pass over every sample user on every measured page (inboxes trimmed if due, caches and JIT warm).
    const tw = Date.now();
    const failures: string[] = [];
    await pool(users, 8, async (u) => {
      for (const s of [feedApi, home, spaceSignedIn, spaceAnonymous]) {
        const spec = s[users.indexOf(u)]!;
        const r = await get(url + spec.path, spec.headers);
        if (r.status !== 200) failures.push(`${spec.path} (user ${u.id}) -> ${r.status}`);
      }
    });
    if (failures.length) throw new Error(`warm-up: ${failures.length} failed requests, e.g. ${failures.slice(0, 3).join("; ")}\n${app.group.log.slice(-20).join("\n")}`);
    // The app serves exactly the floor's page (same SQL, same logic, same JSON): compare byte for byte,
    // right after each other (a retry absorbs a post landing in between from someone else's run).
    const floorQ = bareQueries(databaseUrl, 2);
    const mismatched: number[] = [];
    try {
      for (const u of users) {
        let same = false;
        for (let attempt = 0; attempt < 2 && !same; attempt++) {
          const appBody = (await get(`${url}/api/feed`, { cookie: cookie(u) })).body;
          same = appBody === JSON.stringify(await feedPage(floorQ, u.id));
        }
        if (!same) mismatched.push(u.id);
      }
    } finally {
      await floorQ.end();
    }
    checks.feedMatchesFloor = { users: users.length, matched: users.length - mismatched.length, mismatched: mismatched.slice(0, 20) };
    checks.warmupSeconds = (Date.now() - tw) / 1000;

    // The feed page really is the signed-in feed: it holds the newest post of the viewer's API feed.
    const u0 = users.find((u) => u.sources > 0) ?? users[0]!;
    const api = JSON.parse((await get(`${url}/api/feed`, { cookie: cookie(u0) })).body) as { items: { body: string }[] };
    const page = await get(`${url}/`, { cookie: cookie(u0) });
    checks.homeShowsFeed = api.items.length ? page.body.includes(api.items[0]!.body) : "viewer's feed is empty";
    if (checks.homeShowsFeed === false) throw new Error("GET / signed in does not show the viewer's feed (is the session accepted by pages?)");

    // Between measurements, wait until a signed-in feed request is about as fast as when idle.
    const probe = `${url}/api/feed`;
    const probeHeaders = { cookie: cookie(users[0]!) };
    const idleMs = await probeBaseline(probe, probeHeaders);
    const settleOpts = { headers: probeHeaders, fastMs: Math.max(30, 3 * idleMs), maxMs: quick ? 3000 : 30_000 };
    checks.idleFeedApiMs = Math.round(idleMs * 100) / 100;
    const dbName = new URL(databaseUrl).pathname.slice(1);
    const serverPid = app.group.child.pid;
    const sat = async (name: string, requests: RequestSpec[], okStatus?: (s: number) => boolean) => {
      alive();
      await settle(probe, settleOpts);
      if (d.warm) await saturate({ url, requests, connections: 32, durationSec: d.warm, okStatus });
      const runs = await repeat(d.reps, async () => {
        await settle(probe, settleOpts);
        const { result, cpu } = await measureCpu(serverPid, dbName, (r) => r.sent, () => saturate({ url, requests, connections: 32, durationSec: d.sat, okStatus }), () => settle(probe, settleOpts));
        return { ...result, cpu };
      });
      results[name] = summarizeSaturation(runs);
      const r = results[name] as SaturationSummary;
      console.log(`[app] ${name}: ${r.rps.median} req/s (spread ${r.rps.spread.min}-${r.rps.spread.max}), p50 ${r.p50.median} ms, p95 ${r.p95.median} ms, p99 ${r.p99.median} ms; CPU/request: server ${r.cpu?.serverMsPerRequest} ms, db ${r.cpu?.dbMsPerRequest} ms (machine ${r.cpu?.machineBusyPct}% busy)${r.valid ? "" : ` INVALID: ${r.invalidReason}`}`);
    };
    const open = async (name: string, requests: RequestSpec[], rate: number, okStatus?: (s: number) => boolean) => {
      alive();
      const runs = await repeat(d.reps, async () => {
        await settle(probe, settleOpts);
        const { result, cpu } = await measureCpu(serverPid, dbName, (r) => r.sent + r.warmupSent, () => openLoop({ url, rate, durationSec: d.ol, warmupSec: d.olWarm, request: (i) => requests[i % requests.length]!, okStatus }));
        return { ...result, cpu };
      });
      results[name] = summarizeOpenLoop(runs);
      const r = results[name] as OpenLoopSummary;
      console.log(`[app] ${name}: ${r.achievedRate.median}/${rate} req/s, p50 ${r.p50.median} ms, p95 ${r.p95.median} ms, p99 ${r.p99.median} ms; CPU/request: server ${r.cpu?.serverMsPerRequest} ms, db ${r.cpu?.dbMsPerRequest} ms${r.overloaded ? ` OVERLOADED: ${r.overloaded}` : ""}${r.valid ? "" : ` INVALID: ${r.invalidReason}`}`);
    };

    await sat("feedApiSaturation", feedApi);
    await open("feedApiOpenLoop300", feedApi, 300);
    await sat("homePageSaturation", home);
    await sat("spaceSignedInSaturation", spaceSignedIn);
    await sat("spaceAnonymousSaturation", spaceAnonymous);
    if (!quick) {
      // Diagnostics: the same stack minus parts of the work.
      await sat("diagApiNoSession401", apiNoSession, (s) => s === 401);
      await sat("diagAuthSessionRoute", authSession);
      await sat("diagHomeAnonymous", homeAnonymous); // the same page route and layout, without session or feed
      await open("diagApiNoSession401OpenLoop300", apiNoSession, 300, (s) => s === 401);
    }
    await settle(probe, settleOpts);
    alive();
  } finally {
    serverExit ??= ""; // from here on, an exit is ours
    await stopGroup(app.group);
  }

  if (opts.profile) profile = await profileRoutes(databaseUrl, secret, [{ name: "feedApi", specs: feedApi }, { name: "homePage", specs: home }], quick ? 3 : 10);
  // Someone else's `next build` rewrote .next under the running server: its figures are not this build's.
  const buildIdAfter = currentBuildId();
  if (buildIdAfter !== build.buildId || runningNextBuilds().length) {
    for (const r of Object.values(results)) {
      r.valid = false;
      r.invalidReason = [r.invalidReason, `the build changed or was being rebuilt during the run (${build.buildId} -> ${buildIdAfter})`].filter(Boolean).join("; ");
    }
  }

  return {
    tier,
    quick,
    node: process.version,
    cpus: os.cpus().length,
    loadavg: { before: loadBefore, after: loadAverage() },
    build,
    startupMs,
    sample: { users: n, buckets },
    durations: d,
    checks,
    results,
    profile,
  };
}

/**
 * Restarts the app under `node --cpu-prof`, saturates each route in turn, and
 * summarises where the server's time went during each measured run.
 */
async function profileRoutes(databaseUrl: string, secret: string, routes: { name: string; specs: RequestSpec[] }[], seconds: number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kongjian-prof-"));
  try {
    const app = await startApp(databaseUrl, secret, ["--cpu-prof", `--cpu-prof-dir=${dir}`]);
    const pid = app.group.child.pid!;
    const runs: { name: string; start: number; end: number; ok: number; rps: number; cpuMsPerRequest: number | null }[] = [];
    try {
      for (const r of routes) {
        for (const spec of r.specs) await get(app.url + spec.path, spec.headers);
        await saturate({ url: app.url, requests: r.specs, connections: 32, durationSec: 2 });
        await settle(`${app.url}/api/feed`, { maxMs: 10_000 }); // the warm-up's unanswered requests
        const start = Date.now();
        const cpu0 = processCpuMs(pid);
        const run = await saturate({ url: app.url, requests: r.specs, connections: 32, durationSec: seconds });
        const end = Date.now();
        await settle(`${app.url}/api/feed`, { maxMs: 10_000 }); // the server finishes what was in flight
        const cpu1 = processCpuMs(pid);
        runs.push({ name: r.name, start, end, ok: run.ok, rps: run.rps, cpuMsPerRequest: cpu0 !== null && cpu1 !== null ? Math.round((100 * (cpu1 - cpu0)) / Math.max(1, run.sent)) / 100 : null });
      }
      await stopGroup(app.group, 15_000);
    } finally {
      await stopGroup(app.group, 15_000);
    }
    const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")).map((f) => path.join(dir, f));
    if (!files.length) return { note: "no .cpuprofile written (the server did not exit cleanly)" };
    return {
      note:
        "self time of the server process during each measured saturation run (after a warm pass and a 2 s warm-up). " +
        "V8 samples on a wall clock: on a busy machine a process preempted inside a syscall (writev waking Postgres) is counted there, " +
        "so compare the shares of JavaScript areas, and take CPU per request from cpuMsPerRequest (/proc: the process's real CPU time).",
      routes: Object.fromEntries(
        runs.map((r) => {
          const s = summarizeProfiles(files, 30, { fromMs: r.start - app.group.startedAt, toMs: r.end - app.group.startedAt });
          return [r.name, { rps: r.rps, requests: r.ok, cpuMsPerRequest: r.cpuMsPerRequest, sampledMsPerRequest: Math.round((100 * s.totalMs) / Math.max(1, r.ok)) / 100, ...s }];
        }),
      ),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const tier = parseTier(process.argv);
  const quick = process.argv.includes("--quick");
  if (process.argv.includes("--profile-only")) {
    // Just the CPU profile of the feed API under load (bench/results/app-profile-<tier>.json).
    installCleanup();
    const databaseUrl = benchDatabaseUrl(tier);
    const secret = crypto.randomBytes(32).toString("base64url");
    await ensureBuild();
    const { users } = await sampleUsers(databaseUrl, quick ? 30 : 200);
    const sessions = await mintSessionCookies(databaseUrl, users.map((u) => u.id), secret);
    const feedApi = users.map((u) => ({ path: "/api/feed", headers: { cookie: sessions.get(u.id)!.cookie } }));
    const home = users.map((u) => ({ path: "/", headers: { cookie: sessions.get(u.id)!.cookie } }));
    const profile = await profileRoutes(databaseUrl, secret, [{ name: "feedApi", specs: feedApi }, { name: "homePage", specs: home }], quick ? 3 : 10);
    console.log(JSON.stringify(profile, null, 1));
    console.log(`[app] wrote ${writeResult(`app-profile-${tier}`, { tier, loadavg: loadAverage(), profile })}`);
    return;
  }
  const result = await measureApp(tier, quick, { profile: process.argv.includes("--profile") });
  const file = writeResult(`app-${tier}`, result);
  console.log(`[app] wrote ${file}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
