// `npm run bench:seed -- --tier tiny|S|L [--no-inboxes]`: a deterministic
// benchmark dataset in a database of its own (kongjian_bench_<tier>) on the
// server in BENCH_DATABASE_URL (default: this machine's PostgreSQL). All rows
// are generated inside Postgres (bench/seed.sql), then every user's feed inbox
// is built (bench/build-inboxes.sql). Every bench user's password is
// "bench-password" (handles b1..bN, emails b<i>@bench.local).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { hashPassword } from "../src/server/auth/password";
import { benchDatabaseUrl, parseTier, TIERS, writeResult } from "./lib/tiers";

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, "..");

/** psql-style variables (:name, :'name') substituted client-side, also inside DO blocks. */
function fill(sql: string, vars: Record<string, string | number>) {
  return sql.replace(/:'(\w+)'|:(\w+)/g, (m, quoted?: string, bare?: string) => {
    const name = quoted ?? bare!;
    if (!(name in vars)) return m;
    const v = vars[name]!;
    return quoted ? `'${String(v).replace(/'/g, "''")}'` : String(v);
  });
}

async function main() {
  const tier = parseTier(process.argv);
  const spec = TIERS[tier];
  const inboxes = !process.argv.includes("--no-inboxes");
  const url = benchDatabaseUrl(tier);
  const dbName = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const t0 = Date.now();
  const timings: Record<string, number> = {};
  const lap = (name: string, since: number) => (timings[name] = (Date.now() - since) / 1000);

  const a = new pg.Client({ connectionString: admin.toString() });
  await a.connect();
  await a.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await a.query(`CREATE DATABASE "${dbName}"`);
  // JIT adds ~175 ms to the feed's LATERAL plan for nothing (stack notes).
  await a.query(`ALTER DATABASE "${dbName}" SET jit = off`);
  await a.end();

  let t = Date.now();
  const migrate = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: "inherit" });
  if (migrate.status !== 0) throw new Error("migrate deploy failed");
  lap("migrate", t);

  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const vars = {
    users: spec.users,
    posts: spec.posts,
    hot: spec.hot.map((h) => `${h.followers}:${h.userId}`).join(","),
    pwhash: await hashPassword("bench-password"),
    hotThreshold: Number(process.env.FEED_HOT_THRESHOLD ?? 10_000),
    cap: Number(process.env.FEED_INBOX_CAP ?? 400),
  };
  t = Date.now();
  await c.query(fill(readFileSync(path.join(here, "seed.sql"), "utf8"), vars));
  lap("seed", t);
  if (inboxes) {
    t = Date.now();
    await c.query(fill(readFileSync(path.join(here, "build-inboxes.sql"), "utf8"), vars));
    lap("inboxes", t);
  }
  const { rows } = await c.query(`SELECT
    (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM posts)::int AS posts,
    (SELECT count(*) FROM friendships)::int / 2 AS friendships, (SELECT count(*) FROM follows)::int AS follows,
    (SELECT count(*) FROM feed_entries)::int AS inbox_entries, (SELECT count(*) FROM users WHERE hot)::int AS hot_accounts,
    pg_size_pretty(pg_database_size(current_database())) AS size`);
  await c.end();
  const result = { tier, database: dbName, ...rows[0], seconds: { ...timings, total: (Date.now() - t0) / 1000 } };
  console.table([result]);
  writeResult(`seed-${tier}`, result);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
