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
//       DevTools throttling (NETWORK below) and 4x CPU slowdown, measured with
//       PerformanceObserver (largest-contentful-paint, layout-shift; CLS =
//       largest session window, 1 s gap / 5 s cap): median of --runs (3) for
//       / signed in, /u/<handle> signed in, / signed out. Target LCP <= 2.5 s.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";
import { benchDatabaseUrl, parseTier, TIERS, writeResult, type Tier } from "../lib/tiers";
import { distDir, ensureBuild, flag, loadAvg, median, option, root, startApp, serverErrors, type App } from "../lib/posting-app";
import { mintSessionToken, SESSION_COOKIE } from "../lib/session";

const argv = process.argv.slice(2);
const tier: Tier = parseTier(process.argv);
const runs = Number(option(argv, "--runs") ?? 3);
const log = (s: string) => console.log(`[browser ${tier}] ${s}`);

const TARGET_JS_GZIP_BYTES = 150 * 1000;
const TARGET_LCP_MS = 2500;

/**
 * Lighthouse's mobile "Slow 4G" profile (core/config/constants.js,
 * throttling.mobileSlow4G) as DevTools ("applied") throttling: RTT 150 ms x
 * 3.75 = 562.5 ms request latency, 1.6 Mbps x 0.9 = 1474.56 kbps down,
 * 750 kbps x 0.9 = 675 kbps up (kbps = 1024 bit/s, as Lighthouse converts),
 * CPU 4x. The same numbers Chrome DevTools' "Slow 4G" preset uses.
 */
const NETWORK = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1474.56 * 1024) / 8, // bytes/s = 188,743.68
  uploadThroughput: (675 * 1024) / 8, // bytes/s = 86,400
};
const CPU_SLOWDOWN = 4;

/** Lighthouse's mobile device (Moto G Power): 412x823 CSS px at DPR 1.75. */
const PHONE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
  userAgent: "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36",
  locale: "en-US",
  timezoneId: "Asia/Shanghai",
};

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

type Scenario = { name: string; path: string; signedIn: boolean };

// ------------------------------------------------------------ chunk labels

/** Content markers for the libraries that matter for the budget. */
const MARKERS: { label: string; re: RegExp }[] = [
  { label: "react-dom", re: /__reactContainer\$/ },
  { label: "zod", re: /ZodError|invalid_type/ },
  { label: "next-auth/react", re: /next-auth|\/api\/auth\/session/ },
  { label: "next-intl ICU runtime (intl-messageformat, @formatjs parser)", re: /IntlMessageFormat|INVALID_ARGUMENT_TYPE|MISSING_MESSAGE/ },
  { label: "linkify-it", re: /fuzzyLink/ },
];

/** Client component module ids -> source paths, from the build's client reference manifests. */
function clientModuleIds(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith("_client-reference-manifest.js")) {
        const text = readFileSync(p, "utf8");
        try {
          const m = JSON.parse(text.slice(text.indexOf("] = ") + 4).replace(/;\s*$/, "")) as { clientModules: Record<string, { id: number | string }> };
          for (const [mod, v] of Object.entries(m.clientModules)) out.set(String(v.id), mod.replace("[project]/", "").replace(/^node_modules\//, ""));
        } catch {
          /* manifest format changed: labels from markers only */
        }
      }
    }
  };
  const dir = path.join(distDir(), "server/app");
  if (existsSync(dir)) walk(dir);
  return out;
}

/**
 * The client components a Turbopack chunk defines: its module definitions
 * are `<id>,[<id>,...]<factory>` in the TURBOPACK.push array.
 */
function clientModulesIn(chunk: string, ids: Map<string, string>): string[] {
  const found = new Set<string>();
  for (const m of chunk.matchAll(/[[,](\d+),(?=(?:\d+,)*(?:\([\w$,]*\)|[\w$]+)=>)/g)) {
    const src = ids.get(m[1]!);
    if (src) found.add(src);
  }
  return [...found];
}

function frameworkChunks(): Set<string> {
  try {
    const m = JSON.parse(readFileSync(path.join(distDir(), "build-manifest.json"), "utf8")) as { rootMainFiles?: string[] };
    return new Set((m.rootMainFiles ?? []).map((f) => `/_next/${f}`));
  } catch {
    return new Set();
  }
}

// ------------------------------------------------------- (a) first-load JS

type JsChunk = { url: string; raw: number; gzip: number; inHtml: boolean; labels: string[]; clientModules: string[] };

async function firstLoadJs(browser: Browser, app: App, s: Scenario, cookie: string | null) {
  const context = await newContext(browser, app, cookie);
  const page = await context.newPage();
  const bodies: Promise<JsChunk | null>[] = [];
  const framework = frameworkChunks();
  const ids = clientModuleIds();
  let html = "";
  page.on("response", (r) => {
    const type = r.request().resourceType();
    const ct = r.headers()["content-type"] ?? "";
    if (type !== "script" && !/javascript/.test(ct)) return;
    bodies.push(
      r.body().then(
        (b) => {
          const u = new URL(r.url());
          const text = b.toString("utf8");
          const labels = MARKERS.filter((m) => m.re.test(text)).map((m) => m.label);
          if (framework.has(u.pathname)) labels.unshift("framework (next runtime / react)");
          return { url: u.pathname, raw: b.length, gzip: gzipSync(b).length, inHtml: false, labels, clientModules: clientModulesIn(text, ids) };
        },
        () => null,
      ),
    );
  });
  const resp = await page.goto(`${app.baseUrl}${s.path}`, { waitUntil: "networkidle", timeout: 60_000 });
  html = (await resp?.text()) ?? "";
  await page.waitForTimeout(1000);
  await page.waitForLoadState("networkidle");
  const chunks = (await Promise.all(bodies)).filter((c): c is JsChunk => c !== null);
  await context.close();
  const seen = new Set<string>();
  const unique = chunks.filter((c) => !seen.has(c.url) && seen.add(c.url));
  for (const c of unique) c.inHtml = html.includes(c.url);
  unique.sort((a, b) => b.gzip - a.gzip);
  const sum = (cs: JsChunk[], k: "raw" | "gzip") => cs.reduce((a, c) => a + c[k], 0);
  // The RSC payload inlined in the HTML (self.__next_f.push): not JS files, but bytes every first load pays.
  const inline = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "").filter((t) => t.includes("__next_f"));
  const inlineText = inline.join("");
  const byLabel: Record<string, number> = {};
  for (const c of unique) {
    const app = c.clientModules.filter((m) => m.startsWith("src/")).map((m) => path.basename(m));
    const label = c.labels.length
      ? c.labels.join(" + ") + (app.length ? ` [in the chunk of ${app.join(", ")}]` : "")
      : app.length
        ? `app components: ${app.join(", ")}`
        : c.clientModules.length
          ? "next runtime"
          : "other";
    byLabel[label] = (byLabel[label] ?? 0) + c.gzip;
  }
  return {
    scenario: s.name,
    path: s.path,
    jsFiles: unique.length,
    jsRawBytes: sum(unique, "raw"),
    jsGzipBytes: sum(unique, "gzip"),
    jsGzipBytesInHtml: sum(unique.filter((c) => c.inHtml), "gzip"),
    jsGzipBytesLoadedLater: sum(unique.filter((c) => !c.inHtml), "gzip"),
    gzipByLabel: byLabel,
    html: { rawBytes: Buffer.byteLength(html), gzipBytes: gzipSync(html).length, inlineRscPayloadBytes: Buffer.byteLength(inlineText), inlineRscPayloadGzipBytes: gzipSync(inlineText).length },
    chunks: unique,
  };
}

// ------------------------------------------------------------ (b) vitals

const VITALS_INIT = `(() => {
  const v = { lcp: null, lcpSize: 0, lcpElement: null, shifts: [], fcp: null };
  Object.defineProperty(window, "__benchVitals", { value: v });
  const describe = (el) => {
    if (!el) return null;
    const id = el.id ? "#" + el.id : "";
    const cls = typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\\s+/).slice(0, 3).join(".") : "";
    const t = (el.textContent || "").trim().slice(0, 60);
    return el.tagName.toLowerCase() + id + cls + (t ? ' "' + t + '"' : "");
  };
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) { v.lcp = e.startTime; v.lcpSize = e.size; v.lcpElement = describe(e.element); } })
      .observe({ type: "largest-contentful-paint", buffered: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) v.shifts.push({ t: e.startTime, v: e.value }); })
      .observe({ type: "layout-shift", buffered: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === "first-contentful-paint") v.fcp = e.startTime; })
      .observe({ type: "paint", buffered: true });
  } catch (e) { v.error = String(e); }
})();`;

/** CLS: the largest session window (shifts < 1 s apart, window <= 5 s). */
function cls(shifts: { t: number; v: number }[]): number {
  let best = 0;
  let cur = 0;
  let start = -Infinity;
  let prev = -Infinity;
  for (const s of shifts) {
    if (s.t - prev > 1000 || s.t - start > 5000) {
      cur = 0;
      start = s.t;
    }
    cur += s.v;
    prev = s.t;
    best = Math.max(best, cur);
  }
  return Math.round(best * 10000) / 10000;
}

type VitalsRun = {
  lcpMs: number | null;
  lcpElement: string | null;
  cls: number;
  fcpMs: number | null;
  /** responseStart: Chromium's emulated latency lands after the headers, so this is ~the server's time; htmlResponseEndMs includes the emulated latency. */
  ttfbMs: number;
  htmlResponseEndMs: number;
  domContentLoadedMs: number;
  loadMs: number;
  transferBytes: number;
  requests: number;
};

async function vitalsRun(browser: Browser, app: App, s: Scenario, cookie: string | null): Promise<VitalsRun> {
  const context = await newContext(browser, app, cookie);
  await context.addInitScript(VITALS_INIT);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.clearBrowserCache");
  await cdp.send("Network.emulateNetworkConditions", NETWORK);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  let transferBytes = 0;
  let requests = 0;
  cdp.on("Network.loadingFinished", (e: { encodedDataLength: number }) => {
    transferBytes += e.encodedDataLength;
    requests++;
  });
  await page.goto(`${app.baseUrl}${s.path}`, { waitUntil: "load", timeout: 120_000 });
  await page.waitForLoadState("networkidle", { timeout: 60_000 }).catch(() => undefined);
  await page.waitForTimeout(1500);
  const v = await readVitals(page);
  await context.close();
  return { ...v, transferBytes, requests };
}

async function readVitals(page: Page): Promise<Omit<VitalsRun, "transferBytes" | "requests">> {
  const raw = await page.evaluate(() => {
    const w = window as unknown as { __benchVitals: { lcp: number | null; lcpElement: string | null; shifts: { t: number; v: number }[]; fcp: number | null } };
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    return { ...w.__benchVitals, ttfb: nav?.responseStart ?? NaN, htmlEnd: nav?.responseEnd ?? NaN, dcl: nav?.domContentLoadedEventEnd ?? NaN, load: nav?.loadEventEnd ?? NaN };
  });
  const r = (x: number | null) => (x === null ? null : Math.round(x));
  return {
    lcpMs: r(raw.lcp),
    lcpElement: raw.lcpElement,
    cls: cls(raw.shifts),
    fcpMs: r(raw.fcp),
    ttfbMs: Math.round(raw.ttfb),
    htmlResponseEndMs: Math.round(raw.htmlEnd),
    domContentLoadedMs: Math.round(raw.dcl),
    loadMs: Math.round(raw.load),
  };
}

async function newContext(browser: Browser, app: App, cookie: string | null): Promise<BrowserContext> {
  const context = await browser.newContext({ ...PHONE });
  if (cookie) {
    const { hostname } = new URL(app.baseUrl);
    await context.addCookies([{ name: SESSION_COOKIE, value: cookie, domain: hostname, path: "/", httpOnly: true, sameSite: "Lax" }]);
  }
  return context;
}

// ------------------------------------------------------- optional analysis

/** Per-package gzip estimate of a route's client JS from `next analyze` (parts' compressed sizes; polyfills excluded). */
function analyzeBreakdown(route: string): Record<string, number> | null {
  const dir = path.join(distDir(), "diagnostics/analyze/history");
  const id = path.join(distDir(), "BUILD_ID");
  if (!existsSync(dir) || !existsSync(id) || statSync(dir).mtimeMs < statSync(id).mtimeMs) return null;
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "analyze", "export", "--route", route, "--dist-dir", path.relative(root, distDir())], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
  });
  if (r.status !== 0) return null;
  const out: Record<string, number> = {};
  for (const line of r.stdout.split("\n")) {
    if (!line.includes('"type":"part"')) continue;
    const p = JSON.parse(line) as { filename: string; source_path: string; compressed_size: number };
    if (!/\/_next\/static\/chunks\/.*\.js$/.test(p.filename) || p.source_path.includes("next/dist/build/polyfills")) continue;
    const src = p.source_path.replace("[project]/", "");
    const m = src.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)(?:\/dist\/compiled\/([^/]+))?/);
    const key = m ? (m[2] ? `${m[1]} (${m[2]})` : m[1]!) : src.split("/").slice(0, 2).join("/");
    out[key] = (out[key] ?? 0) + p.compressed_size;
  }
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]));
}

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
