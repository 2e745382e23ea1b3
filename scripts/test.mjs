#!/usr/bin/env node
// `npm test`: everything, in order, on a fresh database.
//   1. a test database: DATABASE_URL's server gets a fresh `<db>_test`
//      database; with DATABASE_URL unset, an in-memory embedded Postgres;
//   2. migrations (prisma migrate deploy, through scripts/prisma.mjs);
//   3. typecheck, lint, unit + integration tests (Vitest), `next build`,
//      browser tests (Playwright, Debian's Chromium);
//   4. one summary line, `N passed, N failed`, summing every suite.
//   5. a benchmark smoke run on a tiny dataset (real server only).
// Set TEST_ONLY=static|vitest|e2e|bench to run a part.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const only = process.env.TEST_ONLY;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
const tally = { passed: 0, failed: 0 };
const lines = [];

function run(cmd, args, extraEnv = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function step(name, fn) {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const result = await fn();
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  tally.passed += result.passed;
  tally.failed += result.failed;
  lines.push(`${name}: ${result.passed} passed, ${result.failed} failed (${secs}s)`);
  return result;
}

const single = async (cmd, args, extraEnv) => ((await run(cmd, args, extraEnv)) === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });

/** A fresh, empty database `<db><suffix>` on DATABASE_URL's server; returns its URL. */
async function freshDatabase(suffix) {
  const base = new URL(process.env.DATABASE_URL);
  const name = `${base.pathname.slice(1) || "kongjian"}${suffix}`.replace(/[^a-zA-Z0-9_]/g, "_");
  const admin = new URL(base);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function testDatabase() {
  if (!process.env.DATABASE_URL) {
    const { startEmbeddedPostgres } = await import("./lib/embedded-postgres.mjs");
    const server = await startEmbeddedPostgres({});
    console.log(`Embedded Postgres (in memory) on port ${server.port}`);
    return { url: server.url, stop: server.stop, embedded: true };
  }
  const url = await freshDatabase("_test");
  console.log(`Test database ${new URL(url).pathname.slice(1)} on ${new URL(url).host}`);
  return { url, stop: async () => {}, embedded: false };
}

function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
  return candidates.find((p) => existsSync(p));
}

const db = await testDatabase();
// The embedded server holds one database and serves clients one at a time;
// keep pools small there.
const dbEnv = { DATABASE_URL: db.url, ...(db.embedded ? { DATABASE_POOL_SIZE: "2", TEST_EMBEDDED_PG: "1" } : { TEST_PG_ADMIN_URL: (() => { const u = new URL(db.url); u.pathname = "/postgres"; return u.toString(); })() }) };
Object.assign(env, dbEnv);

try {
  const migrated = await step("migrate deploy", () => single("node", ["scripts/prisma.mjs", "migrate", "deploy"]));
  if (migrated.failed) throw new Error("migrations failed");

  if (!only || only === "static") {
    await step("typecheck", () => single("npx", ["tsc", "--noEmit"]));
    await step("lint", () => single("npx", ["eslint", "."]));
  }

  if (!only || only === "vitest") {
    await step("unit + integration (vitest)", async () => {
      const out = path.join(mkdtempSync(path.join(tmpdir(), "kj-vitest-")), "report.json");
      const code = await run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
      if (!existsSync(out)) return { passed: 0, failed: 1 };
      const report = JSON.parse(readFileSync(out, "utf8"));
      const failed = report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0);
      return { passed: report.numPassedTests, failed };
    });
  }

  if (!only || only === "e2e") {
    const browser = chromiumPath();
    if (!browser) {
      console.error("No Chromium found. On Debian as root: apt-get install -y chromium (or set CHROMIUM_PATH).");
      tally.failed += 1;
      lines.push("e2e: no browser (1 failed)");
    } else {
      const built = await step("next build", () => single("npx", ["next", "build"]));
      // The browser tests get a database of their own: jobs the integration
      // tests left queued (for files in their scratch storage) must not reach
      // the app server's workers.
      const e2eDb = db.embedded ? null : await freshDatabase("_e2e");
      if (e2eDb && (await run("node", ["scripts/prisma.mjs", "migrate", "deploy"], { DATABASE_URL: e2eDb })) !== 0) throw new Error("migrations failed (e2e database)");
      if (!built.failed) {
        await step("browser tests (playwright)", async () => {
          const out = path.join(mkdtempSync(path.join(tmpdir(), "kj-pw-")), "report.json");
          const code = await run("npx", ["playwright", "test"], { CHROMIUM_PATH: browser, PW_JSON_OUTPUT: out, E2E_PORT: process.env.E2E_PORT ?? "3100", ...(e2eDb ? { DATABASE_URL: e2eDb } : {}) });
          if (!existsSync(out)) return { passed: 0, failed: 1 };
          const { stats } = JSON.parse(readFileSync(out, "utf8"));
          const failed = stats.unexpected + stats.flaky + (code !== 0 && stats.unexpected === 0 ? 1 : 0);
          return { passed: stats.expected, failed };
        });
      }
    }
  }
  // The benchmark suite on a tiny dataset: proves the scripts still run
  // (timings are not asserted). Needs a server where it may create a database.
  if ((!only || only === "bench") && !db.embedded && !tally.failed) {
    const benchEnv = { BENCH_DATABASE_URL: env.TEST_PG_ADMIN_URL };
    await step("benchmark smoke (tier tiny)", async () => {
      if ((await run("npx", ["tsx", "bench/seed.ts", "--tier", "tiny"], benchEnv)) !== 0) return { passed: 0, failed: 1 };
      return single("npx", ["tsx", "bench/run.ts", "--tier", "tiny", "--quick"], benchEnv);
    });
  }
} catch (err) {
  console.error(String(err));
  tally.failed += 1;
} finally {
  await db.stop();
}

console.log(`\n${lines.join("\n")}`);
console.log(`${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed > 0 ? 1 : 0);
