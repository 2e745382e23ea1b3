// Guards the offline schema engine (scripts/prisma-engine) and the committed
// migrations together: a fresh database migrated with `migrate deploy` has the
// tables, and the migrations still produce exactly prisma/schema.prisma. A
// Prisma or @prisma/schema-engine-wasm upgrade that breaks the stand-in, or a
// schema change committed without its migration, fails here.
//
// Needs a PostgreSQL server where it may CREATE DATABASE (TEST_PG_ADMIN_URL,
// default postgresql://postgres@127.0.0.1:5432/postgres). Under the embedded
// Postgres (TEST_EMBEDDED_PG=1, npm test without DATABASE_URL), where one
// server holds one database, it starts two in-memory servers instead: the
// target and the shadow database.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const adminUrl = process.env.TEST_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const embedded = process.env.TEST_EMBEDDED_PG === "1";
const database = `kj_engine_test_${process.pid}_${Date.now().toString(36)}`;
let databaseUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.href;
})();
let shadowUrl: string | undefined;
const servers: { stop: () => Promise<void> }[] = [];
const TIMEOUT = 60_000;

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** `node scripts/prisma.mjs <args>` against the test database. */
function prisma(...args: string[]): Promise<{ code: number | null; output: string }> {
  // On a real server, no SHADOW_DATABASE_URL (spawn skips undefined): the
  // engine creates and drops its own shadow database on the test server.
  const env = { ...process.env, DATABASE_URL: databaseUrl, SHADOW_DATABASE_URL: shadowUrl };
  const child = spawn(process.execPath, ["scripts/prisma.mjs", ...args], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

const diffArgs = ["migrate", "diff", "--from-migrations", "prisma/migrations", "--exit-code"];

describe("prisma migrations through the offline schema engine", () => {
  let tmp = "";

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), "kj-engine-"));
    if (embedded) {
      const { startEmbeddedPostgres } = await import("../lib/embedded-postgres.mjs");
      const [target, shadow] = [await startEmbeddedPostgres({}), await startEmbeddedPostgres({})];
      servers.push(target, shadow);
      databaseUrl = target.url;
      shadowUrl = shadow.url;
    } else {
      await admin((c) => c.query(`CREATE DATABASE "${database}"`));
    }
  }, TIMEOUT);

  afterAll(async () => {
    if (embedded) await Promise.all(servers.map((s) => s.stop()));
    else await admin((c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }, TIMEOUT);

  it("migrate deploy creates the tables", async () => {
    const deploy = await prisma("migrate", "deploy");
    expect(deploy.output).toContain("All migrations have been successfully applied");
    expect(deploy.code).toBe(0);

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
      );
      const tables = rows.map((r) => r.table_name);
      expect(tables).toEqual(
        expect.arrayContaining(["users", "posts", "follows", "friendships", "friend_requests", "_prisma_migrations"]),
      );
    } finally {
      await client.end();
    }
  }, TIMEOUT);

  it("the migrations produce exactly prisma/schema.prisma", async () => {
    const diff = await prisma(...diffArgs, "--to-schema", "prisma/schema.prisma");
    expect(diff.output).toContain("No difference detected");
    expect(diff.code).toBe(0);
  }, TIMEOUT);

  it("the check fails (exit 2) when the schema has a change without a migration", async () => {
    const schema = await readFile(path.join(root, "prisma/schema.prisma"), "utf8");
    const changed = schema.replace(/^model User \{$/m, "model User {\n  extraColumn String?");
    expect(changed).not.toBe(schema);
    const changedPath = path.join(tmp, "schema.prisma");
    await writeFile(changedPath, changed);

    const diff = await prisma(...diffArgs, "--to-schema", changedPath);
    expect(diff.output).toContain("extraColumn");
    expect(diff.code).toBe(2);
  }, TIMEOUT);
});
