#!/usr/bin/env node
// `npm run seed`: runs prisma/seed.ts against DATABASE_URL; when it is unset,
// against the embedded Postgres in .data/pglite — the running one if
// `npm start` is up (found through its lock file), else started here just for
// the seed (migrations applied first) and stopped afterwards.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runningEmbeddedPostgres, startEmbeddedPostgres } from "./lib/embedded-postgres.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = path.join(root, ".data/pglite");

const run = (args, env) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code) => resolve(code ?? 1));
  });

let url = process.env.DATABASE_URL;
let server = null;
if (!url) {
  const running = runningEmbeddedPostgres(dataDir);
  if (running) {
    url = running.url;
    console.log(`[seed] using the running embedded Postgres (port ${running.port})`);
  } else {
    server = await startEmbeddedPostgres({ dataDir });
    url = server.url;
    console.log("[seed] started the embedded Postgres in .data/pglite for the seed");
    const migrated = await run(["scripts/prisma.mjs", "migrate", "deploy"], { DATABASE_URL: url });
    if (migrated !== 0) {
      await server.stop();
      process.exit(migrated);
    }
  }
}
const code = await run([path.join(root, "node_modules/tsx/dist/cli.mjs"), "prisma/seed.ts"], { DATABASE_URL: url });
if (server) await server.stop();
process.exit(code);
