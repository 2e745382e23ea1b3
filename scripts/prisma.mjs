// Runs the Prisma CLI with the project's offline schema engine. Every npm
// script (and postinstall's `generate`) goes through here instead of `prisma`:
//   node scripts/prisma.mjs <prisma args...>
// The CLI would otherwise download its native schema engine from Prisma's
// server, which is unreachable here; see scripts/prisma-engine/README.md.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const path = (p) => fileURLToPath(new URL(p, import.meta.url));

const child = spawn(process.execPath, [path("../node_modules/prisma/build/index.js"), ...process.argv.slice(2)], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: path("./prisma-engine/schema-engine"),
    CHECKPOINT_DISABLE: "1", // no telemetry / update checks (no internet here)
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
// Outlive the CLI and pass signals on (a terminal's Ctrl-C reaches both anyway);
// then exit the way it did.
const signals = ["SIGINT", "SIGTERM", "SIGHUP"];
for (const signal of signals) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  if (!signal) process.exit(code ?? 1);
  for (const s of signals) process.removeAllListeners(s);
  process.kill(process.pid, signal);
});
