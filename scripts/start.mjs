#!/usr/bin/env node
// `npm start` (production build) and `npm run dev` (`--dev`, next dev): one command
// from a fresh clone to a running app.
//   1. Database: DATABASE_URL if set; otherwise an embedded Postgres (PGlite on a free
//      local port, data in .data/pglite, kept across restarts) run inside THIS process
//      and handed to every child as DATABASE_URL. See scripts/lib/embedded-postgres.mjs.
//   2. Migrations: `node scripts/prisma.mjs migrate deploy`.
//   3. NEXTAUTH_SECRET: from the environment, else generated once into .data/secret (so
//      sessions survive restarts); NEXTAUTH_URL defaults to http://localhost:<PORT>.
//   4. Production: `next build` when .next/BUILD_ID is missing or older than any source
//      file, then `next start -p <PORT>`. Dev: `next dev -p <PORT>`.
//   5. SIGINT/SIGTERM: stop Next (its whole process group), then stop the embedded
//      Postgres cleanly; exit with Next's exit code (130 after Ctrl-C, 143 after SIGTERM).
// PORT (default 3000) chooses the app's port. Children get NEXT_TELEMETRY_DISABLED=1 and
// CHECKPOINT_DISABLE=1 (no phoning home).
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const dataRoot = path.join(root, ".data");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const t0 = Date.now();

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
  PORT: String(port),
};

const say = (msg) => console.log(`[start] ${msg}`);
const secs = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------
// Children and shutdown

let current = null; // the child running now (migrate, build or Next)
let embedded = null; // promise of the embedded server, once started
let stopping = null;
let signalsSeen = 0;

// Children run in their own process group (detached) so that one signal reaches all of
// Next's processes (next start/dev forks a `next-server` worker): stopping only the
// first pid would leave the worker behind. Ctrl-C therefore reaches them through us.
function runChild(args, { name }) {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: "inherit", detached: true });
  current = child;
  child.done = new Promise((resolve) => {
    child.on("error", (err) => {
      console.error(`[start] could not run ${name}:`, err);
      resolve({ code: 1, signal: null });
    });
    child.on("exit", (code, signal) => resolve({ code, signal }));
  }).finally(() => {
    if (current === child) current = null;
  });
  return child;
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* gone */
    }
  }
}

function exitCodeOf({ code, signal }) {
  if (code != null) return code;
  const n = signal ? { SIGINT: 2, SIGTERM: 15, SIGKILL: 9, SIGHUP: 1 }[signal] ?? 1 : 1;
  return 128 + n;
}

async function shutdown(code, { signal } = {}) {
  stopping ??= (async () => {
    let exitCode = code;
    const child = current;
    if (child) {
      signalGroup(child, signal ?? "SIGTERM");
      const timer = setTimeout(() => {
        say("Next did not stop within 10 s: killing it");
        signalGroup(child, "SIGKILL");
      }, 10_000);
      const result = await child.done;
      clearTimeout(timer);
      if (child.isNext) exitCode = exitCodeOf(result);
    }
    if (embedded) {
      const server = await embedded.catch(() => null);
      if (server) {
        const t = Date.now();
        await server.stop();
        say(`embedded Postgres stopped (${secs(t)})`);
      }
    }
    process.exit(exitCode);
  })();
  return stopping;
}

for (const [signal, number] of [["SIGINT", 2], ["SIGTERM", 15], ["SIGHUP", 1]]) {
  process.on(signal, () => {
    signalsSeen++;
    if (signalsSeen === 1) {
      say(`${signal}: stopping…`);
      shutdown(128 + number, { signal: signal === "SIGHUP" ? "SIGTERM" : signal });
    } else if (current) {
      say(`${signal} again: killing ${current.isNext ? "Next" : "the running step"}`);
      signalGroup(current, "SIGKILL");
    }
  });
}
// Last resort if this process dies on an exception: leave no orphaned Next behind.
process.on("exit", () => {
  if (current && current.exitCode == null && current.signalCode == null) signalGroup(current, "SIGKILL");
});

// ---------------------------------------------------------------------------------
// Steps

async function checkPortFree() {
  await new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (err) =>
      reject(
        err.code === "EADDRINUSE"
          ? new Error(`port ${port} is already in use: stop what uses it or set PORT (e.g. PORT=3001 npm start)`)
          : err,
      ),
    );
    probe.listen(port, () => probe.close(resolve));
  });
}

async function database() {
  if (process.env.DATABASE_URL) {
    say(`using the Postgres server from DATABASE_URL (${redact(process.env.DATABASE_URL)})`);
    return "Postgres from DATABASE_URL";
  }
  const { startEmbeddedPostgres } = await import("./lib/embedded-postgres.mjs");
  const dataDir = path.join(dataRoot, "pglite");
  const t = Date.now();
  const fresh = !fs.existsSync(path.join(dataDir, "PG_VERSION"));
  say(`DATABASE_URL is not set: starting the embedded Postgres (${fresh ? "first run: initialising" : "data"} in .data/pglite)…`);
  embedded = startEmbeddedPostgres({
    dataDir,
    onFatal: (err) => {
      console.error("[start] the embedded Postgres failed:", err?.message ?? err);
      shutdown(1);
    },
  });
  const server = await embedded;
  env.DATABASE_URL = server.url;
  // Any pool size is correct on the embedded server (it queues), but it runs one query
  // at a time: a small pool keeps one slow request from queueing behind many others.
  env.DATABASE_POOL_SIZE ??= "5";
  say(`embedded Postgres ready on port ${server.port} (${secs(t)})`);
  return "embedded Postgres, data in .data/pglite";
}

async function migrate() {
  const t = Date.now();
  say("applying migrations (prisma migrate deploy)…");
  const result = await runChild([path.join(root, "scripts/prisma.mjs"), "migrate", "deploy"], { name: "migrations" }).done;
  if (stopping) return;
  if (exitCodeOf(result) !== 0) {
    console.error("[start] migrations failed");
    return shutdown(exitCodeOf(result));
  }
  say(`migrations applied (${secs(t)})`);
}

function secret() {
  if (env.NEXTAUTH_SECRET) return;
  const file = path.join(dataRoot, "secret");
  fs.mkdirSync(dataRoot, { recursive: true });
  let value = "";
  try {
    value = fs.readFileSync(file, "utf8").trim();
  } catch {
    /* first run */
  }
  if (value.length < 32) {
    value = crypto.randomBytes(32).toString("base64url");
    fs.writeFileSync(file, value + "\n", { mode: 0o600 });
    say("generated NEXTAUTH_SECRET into .data/secret (kept for later runs)");
  }
  env.NEXTAUTH_SECRET = value;
}

// Sources whose change makes the production build stale. app/, src/, messages/,
// public/ and the build's own configuration; src/ includes the generated Prisma client
// (regenerated by `npm install`).
const SOURCE_DIRS = ["app", "src", "messages", "public"];
const SOURCE_FILES = [
  "next.config.js", "next.config.mjs", "next.config.ts", "package-lock.json",
  "proxy.ts", "middleware.ts", "tsconfig.json", "postcss.config.mjs", "postcss.config.js",
];

function newestSource(limit) {
  // Returns the first file newer than `limit` (ms), or null.
  const check = (file) => {
    try {
      const st = fs.statSync(file);
      return st.mtimeMs > limit ? file : null;
    } catch {
      return null;
    }
  };
  for (const f of SOURCE_FILES) {
    const hit = check(path.join(root, f));
    if (hit) return hit;
  }
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return null;
    }
    for (const e of entries) {
      if (e.name === "node_modules" || e.name === ".DS_Store") continue;
      const p = path.join(dir, e.name);
      const hit = e.isDirectory() ? walk(p) : e.isFile() ? check(p) : null;
      if (hit) return hit;
    }
    // A deleted file only shows as a newer directory mtime.
    return check(dir);
  };
  for (const d of SOURCE_DIRS) {
    const hit = walk(path.join(root, d));
    if (hit) return hit;
  }
  return null;
}

function buildReason() {
  const buildId = path.join(root, ".next/BUILD_ID");
  let built;
  try {
    built = fs.statSync(buildId).mtimeMs;
  } catch {
    return "no production build yet";
  }
  const changed = newestSource(built);
  return changed ? `${path.relative(root, changed)} changed since the last build` : null;
}

async function build() {
  const reason = buildReason();
  if (!reason) {
    say("production build is up to date");
    return;
  }
  const t = Date.now();
  say(`building (${reason}): next build…`);
  const result = await runChild([nextBin, "build"], { name: "next build" }).done;
  if (stopping) return;
  if (exitCodeOf(result) !== 0) {
    console.error("[start] next build failed");
    return shutdown(exitCodeOf(result));
  }
  say(`built (${secs(t)})`);
}

async function waitForPort(child) {
  while (!stopping && child.exitCode == null && child.signalCode == null) {
    const open = await new Promise((resolve) => {
      const s = net.connect(port, "127.0.0.1");
      s.once("connect", () => {
        s.destroy();
        resolve(true);
      });
      s.once("error", () => resolve(false));
    });
    if (open) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "unparsable URL";
  }
}

// ---------------------------------------------------------------------------------

try {
  await checkPortFree();
  const dbLabel = await database();
  if (!stopping) await migrate();
  if (!stopping) secret();
  env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  if (!stopping && !dev) await build();
  if (!stopping) {
    const t = Date.now();
    const next = runChild([nextBin, dev ? "dev" : "start", "-p", String(port)], { name: "next" });
    next.isNext = true;
    next.done.then((result) => {
      if (!stopping) {
        say(`Next exited (${result.signal ?? `code ${result.code}`})`);
        shutdown(exitCodeOf(result));
      }
    });
    if (await waitForPort(next)) {
      console.log(
        `\nKongjian${dev ? " (dev)" : ""} ready on http://localhost:${port} (${dbLabel}) ` +
          `[Next up in ${secs(t)}, ${secs(t0)} in all]\n`,
      );
    }
  }
} catch (err) {
  console.error(`[start] ${err?.message ?? err}`);
  await shutdown(1);
}
