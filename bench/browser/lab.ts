// Workload 6 "Browser lab": `npx tsx bench/browser/lab.ts --tier tiny|S [--runs 3] [--analyze] [--no-build]`
//
// Drives Debian's Chromium (Playwright, /usr/bin/chromium) against `next
// start` on the tier's benchmark database:
//   (a) first-load JS per route: every JS response the page loads until the
//       network is idle (+1 s: link prefetches), each body gzipped here with
//       zlib at its default level (transfer sizes are not trusted). Targets:
//       <= 150 kB gzip for / (signed in: the feed) and /u/<handle>. Each chunk
//       is labelled (framework, zod, next-auth/react, next-intl ICU runtime,
//       linkify-it, app components) from its content and the build's client
//       reference manifests; with --analyze (or a saved analysis newer than
//       the build) also a per-package breakdown from `next analyze`.
//   (b) LCP and CLS on a phone, cold cache, under Lighthouse's "Slow 4G"
//       DevTools throttling (NETWORK in context.ts) and 4x CPU slowdown, measured with
//       PerformanceObserver (largest-contentful-paint, layout-shift; CLS =
//       largest session window, 1 s gap / 5 s cap): median of --runs (3) for
//       / signed in, /u/<handle> signed in, / signed out. Target LCP <= 2.5 s.
//
// The parts: context.ts (phone, throttling, contexts), first-load-js.ts (a),
// chunk-labels.ts (what each chunk holds), vitals.ts (b).
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import pg from "pg";
import { benchDatabaseUrl, parseTier, TIERS, writeResult, type Tier } from "../lib/tiers";
import { ensureBuild, flag, loadAvg, median, option, root, startApp, serverErrors } from "../lib/posting-app";
import { mintSessionToken, SESSION_COOKIE } from "../lib/session";
import { analyzeBreakdown } from "./chunk-labels";
import { CHROMIUM_ARGS, CPU_SLOWDOWN, NETWORK, newContext, PHONE, type Scenario } from "./context";
import { firstLoadJs } from "./first-load-js";
import { vitalsRun, type VitalsRun } from "./vitals";

const argv = process.argv.slice(2);
const tier: Tier = parseTier(process.argv);
const runs = Number(option(argv, "--runs") ?? 3);
const log = (s: string) => console.log(`[browser ${tier}] ${s}`);

const TARGET_JS_GZIP_BYTES = 150 * 1000;
const TARGET_LCP_MS = 2500;

// --------------------------------------------------------------------- main

async function pickUsers(pool: pg.Pool): Promise<{ viewer: number; handle: string; sv: number; owner: string }> {
  // A typical viewer: the median number of followees, with a full first page.
  const { rows } = await pool.query<{ id: number; handle: string; sv: number }>(
    `WITH d AS (SELECT follower_id AS u, count(*)::int AS n FROM follows GROUP BY follower_id),
          m AS (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) AS med FROM d)
     SELECT users.id, users.handle, users.session_version AS sv FROM d, m, users
     WHERE users.id = d.u AND NOT users.hot AND (SELECT count(*) FROM feed_entries e WHERE e.user_id = d.u) >= 20
     ORDER BY abs(d.n - m.med), d.u LIMIT 1`,
  );
  const viewer = rows[0];
  if (!viewer) throw new Error("no viewer with a full first page");
  // Their space visit: the most active account they follow (lowest id: the seed skews posts to low ids).
  const { rows: o } = await pool.query<{ handle: string }>(
    `SELECT u.handle FROM follows f JOIN users u ON u.id = f.followee_id WHERE f.follower_id = $1 ORDER BY f.followee_id LIMIT 1`,
    [viewer.id],
  );
  return { viewer: viewer.id, handle: viewer.handle, sv: viewer.sv, owner: o[0]?.handle ?? "b1" };
}

async function main() {
  const t0 = Date.now();
  const url = benchDatabaseUrl(tier);
  const pool = new pg.Pool({ connectionString: url, max: 2, application_name: "bench-browser" });
  const { rows } = await pool.query<{ users: number }>("SELECT count(*)::int AS users FROM users").catch((e: Error) => {
    throw new Error(`${url}: ${e.message}. Seed it first: npm run bench:seed -- --tier ${tier}`);
  });
  if (rows[0]!.users !== TIERS[tier].users) throw new Error(`${url} is incomplete (${rows[0]!.users} users)`);
  const who = await pickUsers(pool);
  await pool.end();

  const build = await ensureBuild({ noBuild: flag(argv, "--no-build"), log });
  if (flag(argv, "--analyze")) {
    log("running next analyze -o (module-level attribution; does not touch the build)");
    const r = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "analyze", "-o"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (r.status !== 0) log("next analyze failed: continuing without the breakdown");
  }
  const loadBefore = loadAvg();
  const app = await startApp({ databaseUrl: url, name: `browser-${tier}` });
  log(`app at ${app.baseUrl} (build ${build.buildId}), viewer b${who.viewer}, space /u/${who.owner}, load ${loadBefore.join(" ")}`);
  let browser: Browser | undefined;
  let result: Record<string, unknown> | undefined;
  try {
    const token = await mintSessionToken({ id: who.viewer, handle: who.handle, sessionVersion: who.sv }, app.secret);
    const scenarios: Scenario[] = [
      { name: "feed (signed in)", path: "/", signedIn: true },
      { name: "space (signed in)", path: `/u/${who.owner}`, signedIn: true },
      { name: "home (signed out)", path: "/", signedIn: false },
    ];
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
    // Warm the server: the first renders of a fresh server are several times
    // slower (module loading, JIT, Prisma's and pg's pools), which would land in TTFB and LCP.
    for (const s of scenarios) {
      for (let i = 0; i < 15; i++) {
        const r = await fetch(`${app.baseUrl}${s.path}`, { headers: s.signedIn ? { cookie: `${SESSION_COOKIE}=${token}` } : {} });
        await r.arrayBuffer();
      }
      const c = await newContext(browser, app, s.signedIn ? token : null);
      const p = await c.newPage();
      await p.goto(`${app.baseUrl}${s.path}`, { waitUntil: "load" });
      await c.close();
    }

    const js = [];
    for (const s of scenarios) {
      const r = await firstLoadJs(browser, app, s, s.signedIn ? token : null);
      const target = s.signedIn ? TARGET_JS_GZIP_BYTES : null;
      js.push({ ...r, targetGzipBytes: target, pass: target === null ? null : r.jsGzipBytes <= target });
      log(`first-load JS ${s.name} ${s.path}: ${(r.jsGzipBytes / 1000).toFixed(1)} kB gzip (${(r.jsRawBytes / 1000).toFixed(1)} kB raw, ${r.jsFiles} files)${target ? (r.jsGzipBytes <= target ? " PASS" : " MISS") : ""}`);
      for (const [label, bytes] of Object.entries(r.gzipByLabel).sort((a, b) => b[1] - a[1])) log(`    ${(bytes / 1000).toFixed(1).padStart(6)} kB  ${label}`);
    }

    const vitals = [];
    for (const s of scenarios) {
      const rs: VitalsRun[] = [];
      for (let i = 0; i < runs; i++) rs.push(await vitalsRun(browser, app, s, s.signedIn ? token : null));
      const lcps = rs.map((r) => r.lcpMs).filter((x): x is number => x !== null);
      const med = {
        lcpMs: lcps.length === rs.length ? median(lcps) : null,
        cls: median(rs.map((r) => r.cls)),
        fcpMs: median(rs.map((r) => r.fcpMs ?? NaN)),
        ttfbMs: median(rs.map((r) => r.ttfbMs)),
        htmlResponseEndMs: median(rs.map((r) => r.htmlResponseEndMs)),
        loadMs: median(rs.map((r) => r.loadMs)),
        transferBytes: median(rs.map((r) => r.transferBytes)),
      };
      vitals.push({ scenario: s.name, path: s.path, median: med, targetLcpMs: TARGET_LCP_MS, pass: med.lcpMs !== null && med.lcpMs <= TARGET_LCP_MS, runs: rs });
      log(`vitals ${s.name}: LCP ${med.lcpMs} ms (${rs.map((r) => r.lcpMs).join(", ")}), CLS ${med.cls}, FCP ${med.fcpMs} ms, TTFB ${med.ttfbMs} ms, HTML done ${med.htmlResponseEndMs} ms, load ${med.loadMs} ms, ${Math.round(med.transferBytes / 1000)} kB transferred; LCP element ${rs[0]?.lcpElement}`);
    }

    result = {
      tier,
      buildId: build.buildId,
      buildStaleVs: build.stale,
      loadAvg: { before: loadBefore, after: loadAvg() },
      cpus: os.cpus().length,
      chromium: browser.version(),
      viewer: { id: who.viewer, handle: `b${who.viewer}` },
      spaceHandle: who.owner,
      conditions: {
        firstLoadJs: "unthrottled phone context, fresh (cold) context, every JS response until network idle + 1 s, gzip level 6 (zlib default) of each body",
        vitals: { network: NETWORK, networkProfile: "Lighthouse mobileSlow4G as DevTools throttling (562.5 ms latency, 1474.56 kbps down, 675 kbps up)", cpuSlowdown: CPU_SLOWDOWN, device: PHONE, cache: "cold (new context per run, cache cleared)", runs },
      },
      firstLoadJs: js,
      analyzeBreakdownGzipEstimate: { "/": analyzeBreakdown("/"), "/u/[handle]": analyzeBreakdown("/u/[handle]") },
      vitals,
      targets: {
        jsGzipBytes: TARGET_JS_GZIP_BYTES,
        lcpMs: TARGET_LCP_MS,
        pass: js.every((j) => j.pass !== false) && vitals.every((v) => v.pass),
      },
      serverErrors: serverErrors(app.logFile),
    };
  } finally {
    await browser?.close();
    await app.stop();
  }
  result.seconds = (Date.now() - t0) / 1000;
  log(`wrote ${writeResult(`browser-${tier}`, result)} in ${result.seconds} s`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
