// The database side of the stand-in schema engine: the driver-adapter factory
// handed to the wasm engine, built on the same @prisma/adapter-pg + pg the app
// uses. Each workaround below exists because the plain PrismaPg factory failed
// in a specific way when driven by the schema engine (see README.md).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
// A dependency of @prisma/adapter-pg (same pinned version), hoisted by npm:
// wraps the factory in the Result-returning shape the wasm engine calls.
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const CHAR_OID = 18; // Postgres's internal one-byte "char" type (pg_class.relkind, ...)
const TEXT_OID = 25;

function charAsText(result) {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const f of r?.fields ?? []) if (f.dataTypeID === CHAR_OID) f.dataTypeID = TEXT_OID;
  }
  return result;
}

// adapter-pg refuses to deserialize "char" columns (UnsupportedNativeDataType),
// and the engine's introspection queries select several of them. Their text
// form is exactly the one character, so report them as text.
class Client extends pg.Client {
  query(config, values, callback) {
    if (typeof config?.submit === "function") return super.query(config, values, callback);
    if (typeof values === "function") [values, callback] = [undefined, values];
    if (callback) return super.query(config, values, (e, r) => callback(e, e ? r : charAsText(r)));
    return super.query(config, values).then(charAsText);
  }
}

// The engine keeps its main "connection" (this pool) for its whole life.
// recycle() closes every pooled connection between requests (the next query
// opens a fresh pool), so that none is left behind when the CLI kills us: a
// connection that vanishes with a reset permanently takes PGlite's single
// connection slot, and an idle one can keep holding Prisma's advisory lock
// (pg_advisory_lock) while the next request waits for it on another one.
class RecyclingPool extends pg.Pool {
  #config;
  #inner = null;
  constructor(config) {
    super(config);
    this.#config = config;
  }
  get #pool() {
    if (!this.#inner) {
      this.#inner = new pg.Pool(this.#config);
      this.#inner.on("error", (e) => this.emit("error", e));
    }
    return this.#inner;
  }
  query(...args) {
    return this.#pool.query(...args);
  }
  connect(...args) {
    return this.#pool.connect(...args);
  }
  async recycle() {
    const pool = this.#inner;
    this.#inner = null;
    await pool?.end();
  }
  end() {
    return this.recycle();
  }
}

/** The same connection string pointing at another database on the same server. */
export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.href;
}

/** host:port/database of a connection string, for messages and comparisons. */
export function describe(url) {
  const u = new URL(url);
  const params = u.searchParams;
  return {
    host: u.hostname || params.get("host") || "localhost",
    port: u.port || params.get("port") || "5432",
    database: decodeURIComponent(u.pathname.slice(1)) || u.username || "postgres",
    user: decodeURIComponent(u.username) || "postgres",
  };
}

/** Runs fn with a single short-lived connection. */
export async function withClient(connectionString, fn) {
  const client = new Client({ connectionString });
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

const quote = (name) => `"${name.replaceAll('"', '""')}"`;

/** CREATE/DROP DATABASE for the database named in url, run from the server's maintenance database. */
export async function createOrDropDatabase(url, verb) {
  const { database } = describe(url);
  let lastError;
  for (const maintenance of ["postgres", "template1"]) {
    try {
      return await withClient(withDatabase(url, maintenance), async (c) => {
        await c.query(`${verb} DATABASE ${verb === "DROP" ? "IF EXISTS " : ""}${quote(database)}`);
        return database;
      });
    } catch (e) {
      if (e.code !== "3D000") throw e; // only retry when the maintenance database is missing
      lastError = e;
    }
  }
  throw lastError;
}

/**
 * The factory object the wasm engine calls back into. `connect()` is the main
 * database; `connectToShadowDb()` is a scratch database for replaying the
 * migrations (migrate dev, migrate diff --from-migrations).
 */
export function createAdapterFactory({ url, shadowDatabaseUrl }) {
  const mainPool = new RecyclingPool({ connectionString: url, Client });
  const open = new Set(); // dispose() of shadow adapters not released yet

  // Makes dispose idempotent, runs `after` once the pool is closed, and lets
  // release() close shadows the engine left open (e.g. after an error).
  function tracked(adapter, after = async () => {}) {
    const close = adapter.dispose.bind(adapter);
    let done;
    const dispose = () => (done ??= (async () => {
      open.delete(dispose);
      await close();
      await after();
    })());
    adapter.dispose = dispose;
    open.add(dispose);
    return adapter;
  }

  const factory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => new PrismaPg(mainPool).connect(),
    async connectToShadowDb() {
      return shadowDatabaseUrl ? configuredShadow() : temporaryShadow();
    },
  };

  // SHADOW_DATABASE_URL given (needed on PGlite, which serves one database per
  // server): use it after emptying it, as the native engine does.
  async function configuredShadow() {
    const a = describe(url);
    const b = describe(shadowDatabaseUrl);
    if (a.host === b.host && a.port === b.port && a.database === b.database) {
      throw new Error("The shadow database URL points at the main database. Use a separate database.");
    }
    await withClient(shadowDatabaseUrl, (c) =>
      c.query(`DO $$ DECLARE s name; BEGIN
        FOR s IN SELECT nspname FROM pg_namespace
          WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP
          EXECUTE format('DROP SCHEMA %I CASCADE', s);
        END LOOP;
        CREATE SCHEMA public;
      END $$`),
    );
    return tracked(await new PrismaPg({ connectionString: shadowDatabaseUrl, Client }).connect());
  }

  // No shadow URL: create a uniquely named database next to the main one and
  // drop it on dispose. (PrismaPg's own connectToShadowDb passes
  // { connectionString, database }, and pg lets the connection string win, so
  // its "shadow" silently is the main database; it also never closes the
  // connection it created the database with.) CREATE/DROP go through the main
  // pool: PGlite's socket server accepts one connection at a time.
  async function temporaryShadow() {
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    const shadowUrl = withDatabase(url, name);
    await mainPool.query(`CREATE DATABASE ${quote(name)}`);
    const drop = () => mainPool.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
    try {
      // Some servers (PGlite) serve one database whatever name is asked for.
      const { rows } = await withClient(shadowUrl, (c) => c.query("SELECT current_database() AS db"));
      if (rows[0].db !== name) throw new Error(`the server answered as database "${rows[0].db}"`);
    } catch (e) {
      await drop().catch(() => {});
      const { host, port } = describe(url);
      throw new Error(
        `Could not use a temporary shadow database on ${host}:${port} (${e.message}). A server that ` +
          "hosts a single database (PGlite) needs SHADOW_DATABASE_URL pointing at a second, empty server.",
      );
    }
    return tracked(await new PrismaPg({ connectionString: shadowUrl, Client }).connect(), drop);
  }

  return {
    bound: bindMigrationAwareSqlAdapterFactory(factory),
    /** After each request: close every connection, drop leftover shadow databases. */
    async release() {
      for (const dispose of [...open]) await dispose().catch(() => {});
      await mainPool.recycle();
    },
  };
}
