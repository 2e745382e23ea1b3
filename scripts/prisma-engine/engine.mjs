// Stand-in for Prisma's native `schema-engine` binary (see README.md): the
// Prisma CLI spawns it through PRISMA_SCHEMA_ENGINE_BINARY and talks JSON-RPC
// over stdio; we answer by driving @prisma/schema-engine-wasm over adapter-pg.
// Only Node built-ins are imported up front so `--version` stays instant.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";

// The CLI parses stderr as JSON log lines (and drops the first line of the
// one-shot commands' stderr), so a stray Node warning there would break it.
process.removeAllListeners("warning");
process.on("warning", (w) => log("WARN", w.message));

function log(level, message, fields = {}) {
  const line = { timestamp: new Date().toISOString(), level, fields: { message, ...fields }, target: "schema_engine::logger" };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

function parseArgs(argv) {
  const args = { datamodels: [], datasource: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--version" || a === "-V") args.version = true;
    else if (a === "--datamodels") args.datamodels.push(argv[++i]);
    else if (a === "--datasource") args.datasource = JSON.parse(argv[++i]);
    else if (a === "cli") args.cli = argv[++i];
    else if (a.startsWith("--")) i++; // --enabled-preview-features, --extension-types: unused by the wasm engine
  }
  return args;
}

// `prisma version` and the CLI's engine checks expect the native binary's
// `schema-engine-cli <engines hash>` line.
function enginesHash() {
  try {
    return createRequire(import.meta.url)("@prisma/engines-version").enginesVersion;
  } catch {
    return "unknown";
  }
}

export async function main(argv) {
  const args = parseArgs(argv);
  if (args.version) return void process.stdout.write(`schema-engine-cli ${enginesHash()}\n`);
  log("INFO", "Starting schema-engine stand-in (wasm)"); // the line the CLI drops
  if (args.cli) return oneShot(args.cli, args.datasource.url);
  return serve(args);
}

// ---------------------------------------------------------------------------
// One-shot commands: `schema-engine --datasource {"url":…} cli <command>`.
// Success is exit 0; failure is exit 1 plus an ERROR log line carrying the
// error_code the CLI branches on (P1003 "database does not exist" → create it).

async function oneShot(command, url) {
  const db = await import("./adapter.mjs");
  try {
    if (command === "can-connect-to-database") await db.withClient(url, (c) => c.query("SELECT 1"));
    else if (command === "create-database") await db.createOrDropDatabase(url, "CREATE");
    else if (command === "drop-database") await db.createOrDropDatabase(url, "DROP");
    else throw new Error(`Unsupported command: cli ${command}`);
  } catch (e) {
    const { code, message } = userFacing(e, url, db.describe);
    log("ERROR", message, code ? { error_code: code } : {});
    process.exitCode = 1;
  }
}

// Prisma's user-facing codes for the connection errors the CLI understands.
function userFacing(e, url, describe) {
  const { host, port, database, user } = describe(url);
  const at = `${host}:${port}`;
  switch (e.code) {
    case "3D000":
      return { code: "P1003", message: `Database \`${database}\` does not exist on the database server at \`${at}\`.` };
    case "42P04":
      return { code: "P1009", message: `Database \`${database}\` already exists on the database server at \`${at}\`` };
    case "28P01":
    case "28000":
      return { code: "P1000", message: `Authentication failed against database server at \`${at}\`, the provided database credentials for \`${user}\` are not valid.` };
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
      return { code: "P1001", message: `Can't reach database server at \`${at}\`\n\nPlease make sure your database server is running at \`${at}\`.` };
    default:
      return { message: e.message ?? String(e) };
  }
}

// ---------------------------------------------------------------------------
// JSON-RPC server: one request per stdin line, answered in order on stdout.

async function loadWasm() {
  // The package's entry does `import * as wasm from "./x.wasm"`, which Node 20
  // only allows behind --experimental-wasm-modules: instantiate it by hand.
  const glueUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue = await import(glueUrl);
  const bytes = readFileSync(new URL("schema_engine_bg.wasm", glueUrl));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return glue;
}

// Rust panics inside the wasm report their message here before trapping.
const panics = { message: "", set_message(m) { this.message = m; } };
globalThis.PRISMA_WASM_PANIC_REGISTRY = panics;

async function serve({ datamodels, datasource }) {
  const send = (msg) => process.stdout.write(`${JSON.stringify(msg)}\n`);
  let engine, adapters, shadowReady = false, printId = 0;
  const printed = new Map();

  // Lazily, so that connection errors become a proper JSON-RPC error reply.
  async function getEngine() {
    if (engine) return engine;
    const [{ SchemaEngine }, db] = await Promise.all([loadWasm(), import("./adapter.mjs")]);
    adapters = db.createAdapterFactory(datasource);
    const files = datamodels.map((path) => [path, readFileSync(path, "utf8")]);
    const onLog = (line) => process.stderr.write(line.endsWith("\n") ? line : `${line}\n`);
    engine = await SchemaEngine.new({ datamodels: files.length ? files : undefined }, onLog, adapters.bound);
    return engine;
  }

  // The native engine prints `migrate diff` output by asking the CLI to
  // (a "print" request the CLI answers); the wasm engine returns it instead.
  function print(content) {
    const id = `print-${++printId}`;
    send({ jsonrpc: "2.0", id, method: "print", params: { content } });
    return new Promise((resolve) => printed.set(id, resolve));
  }

  // createMigration and evaluateDataLoss read the migrations' schema from a
  // cache that only devDiagnostic fills (through the shadow-database factory);
  // on a fresh engine they fail with "shadow DB must be provided through an
  // external factory". `migrate dev` calls devDiagnostic first anyway; for any
  // other caller, run one (result ignored) first.
  async function prepareShadow(e, migrationsList) {
    if (shadowReady) return;
    shadowReady = true;
    await e.devDiagnostic({ migrationsList, filters: { externalTables: [], externalEnums: [] } }).catch(() => {});
  }

  async function call(method, params) {
    if (method === "createDatabase") {
      const db = await import("./adapter.mjs");
      return { databaseName: await db.createOrDropDatabase(params.datasource?.url ?? datasource.url, "CREATE") };
    }
    const e = await getEngine();
    switch (method) {
      case "getDatabaseVersion":
        return e.version();
      case "debugPanic":
        return e.debugPanic();
      case "devDiagnostic":
        shadowReady = true;
        return e.devDiagnostic(params);
      case "createMigration":
      case "evaluateDataLoss":
        await prepareShadow(e, params.migrationsList);
        return e[method](params);
      case "diff": {
        const { stdout, ...rest } = await e.diff(params);
        if (stdout) await print(stdout.replace(/\n$/, ""));
        return rest;
      }
      case "applyMigrations": case "dbExecute": case "diagnoseMigrationHistory":
      case "ensureConnectionValidity": case "introspect": case "introspectSql":
      case "markMigrationApplied": case "markMigrationRolledBack": case "reset": case "schemaPush":
        return (await e[method](params)) ?? {};
      default:
        throw new Error(`The wasm schema engine does not support \`${method}\`.`);
    }
  }

  // Error replies in the native engine's shape: data.error_code becomes the
  // CLI's "P30xx" message, data.is_panic its crash report.
  function rpcError(err) {
    const panic = err instanceof WebAssembly.RuntimeError;
    let message = panic ? panics.message || err.message : err?.message ?? String(err);
    // Exceptions thrown by our adapter code reach the engine only as an id.
    const external = /External error id#(\d+)/.exec(message);
    const original = external && adapters?.bound.errorRegistry.consumeError(Number(external[1]))?.error;
    if (original) message = original.message ?? String(original);
    const data = { is_panic: panic, message };
    if (typeof err?.code === "string" && /^P\d{4}$/.test(err.code)) Object.assign(data, { error_code: err.code, meta: err.meta ?? {} });
    return { code: 4466, message, data };
  }

  let queue = Promise.resolve();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    const msg = JSON.parse(line);
    if (!msg.method) {
      printed.get(msg.id)?.(); // the CLI's answer to one of our "print" requests
      printed.delete(msg.id);
      return;
    }
    queue = queue.then(async () => {
      let reply;
      try {
        reply = { result: await call(msg.method, msg.params ?? {}) };
      } catch (err) {
        reply = { error: rpcError(err) };
        log("ERROR", reply.error.data.message);
      }
      // Close connections before answering: the CLI kills us as soon as it has
      // its answer, and PGlite's socket server never frees the (single)
      // connection slot of a client that vanished with a reset.
      await adapters?.release().catch((e) => log("WARN", `closing connections: ${e.message}`));
      send({ jsonrpc: "2.0", id: msg.id, ...reply });
    });
  });
  // The CLI ends stdin when it is done (and kills us right after).
  lines.on("close", () => queue.then(() => process.exit(0)));
}
