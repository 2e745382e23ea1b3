#!/usr/bin/env node
// `npm run seed`: runs prisma/seed.ts (people, friendships, status posts),
// then prisma/seed-content.ts (albums, blogs, diary, music, video, avatars,
// through the app's own use-cases; its --before step first removes the
// previous demo's media files) against DATABASE_URL; when it is unset,
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
// The content step loads the app's server modules: the react-server condition
// resolves `import "server-only"` to nothing outside Next (as bench:media does).
const content = (...args) => ["--conditions=react-server", "--import", "tsx", "prisma/seed-content.ts", ...args];
const steps = [content("--before"), [path.join(root, "node_modules/tsx/dist/cli.mjs"), "prisma/seed.ts"], content()];
let code = 0;
for (const step of steps) {
  code = await run(step, { DATABASE_URL: url });
  if (code !== 0) break;
}
if (server) await server.stop();
process.exit(code);
