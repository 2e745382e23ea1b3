#!/usr/bin/env node
// `npm run admin -- grant <handle>` / `npm run admin -- revoke <handle>`:
// gives or takes the admin role (reviewing reports at /admin/reports).
// Against DATABASE_URL; when it is unset, against the embedded Postgres in
// .data/pglite: the running one if `npm start` is up, else started here just
// for this and stopped afterwards (as `npm run seed` does).
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runningEmbeddedPostgres, startEmbeddedPostgres } from "./lib/embedded-postgres.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
if (args.length !== 2 || !["grant", "revoke"].includes(args[0])) {
  console.error("usage: npm run admin -- grant|revoke <handle>");
  process.exit(2);
}

let url = process.env.DATABASE_URL;
let server = null;
if (!url) {
  const dataDir = path.join(root, ".data/pglite");
  const running = runningEmbeddedPostgres(dataDir);
  if (running) url = running.url;
  else {
    server = await startEmbeddedPostgres({ dataDir });
    url = server.url;
  }
}

// The use-case loads the app's server modules: the react-server condition
// resolves `import "server-only"` to nothing outside Next.
const code = await new Promise((resolve) => {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/admin-role.ts", ...args], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url },
  });
  child.on("exit", (c) => resolve(c ?? 1));
});
if (server) await server.stop();
process.exit(code);
