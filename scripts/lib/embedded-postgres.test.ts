// The embedded Postgres (scripts/lib/embedded-postgres.mjs): concurrent clients through
// the session-pinning multiplexer, wire-protocol corner cases that break
// @electric-sql/pglite-socket 0.1.3, persistence across stop/start and across kill -9.
// Run: npx vitest run scripts/lib
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runningEmbeddedPostgres, startEmbeddedPostgres } from "./embedded-postgres.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const SLOW = 180_000; // PGlite's initdb takes 3-10 s on a busy 2-core machine

type Server = Awaited<ReturnType<typeof startEmbeddedPostgres>>;

describe("in-memory embedded Postgres", () => {
  let server: Server;
  let pool: pg.Pool;

  beforeAll(async () => {
    server = await startEmbeddedPostgres({});
    pool = new pg.Pool({ connectionString: server.url, max: 5 });
  }, SLOW);

  afterAll(async () => {
    await pool?.end();
    await server?.stop();
  }, SLOW);

  it("serves a free port with a URL that pg accepts", async () => {
    expect(server.port).toBeGreaterThan(0);
    // application_name marks the single-session server for the app (src/server/env.ts namedStatements).
    expect(server.url).toBe(`postgresql://postgres@127.0.0.1:${server.port}/postgres?sslmode=disable&application_name=kongjian-embedded`);
    const { rows } = await pool.query("SELECT current_database() AS db, version() AS v");
    expect(rows[0].db).toBe("postgres");
    expect(rows[0].v).toMatch(/^PostgreSQL 17/);
  });

  it("answers many concurrent parameterised queries from a pool of 5, each with its own result", async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        pool.query("SELECT $1::int AS i, $2::text AS s, pg_sleep(0) AS z", [i, `row ${i}`]),
      ),
    );
    results.forEach((r, i) => expect(r.rows[0]).toMatchObject({ i, s: `row ${i}` }));
    expect(pool.totalCount).toBe(5); // five real connections were open at once
  });

  it("creates a table and keeps concurrent writes consistent", async () => {
    await pool.query("CREATE TABLE items (id serial PRIMARY KEY, n int NOT NULL UNIQUE)");
    const inserts = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) => pool.query("INSERT INTO items (n) VALUES ($1)", [i % 50])),
    );
    // 10 duplicates fail with a unique violation; the failures do not disturb the others
    const failed = inserts.filter((r) => r.status === "rejected");
    expect(failed).toHaveLength(10);
    expect((failed[0] as PromiseRejectedResult).reason.code).toBe("23505");
    const { rows } = await pool.query("SELECT count(*)::int AS n FROM items");
    expect(rows[0].n).toBe(50);
  });

  it("runs one transaction at a time: another connection waits for COMMIT/ROLLBACK", async () => {
    const a = await pool.connect();
    const b = await pool.connect();
    try {
      await a.query("BEGIN");
      await a.query("INSERT INTO items (n) VALUES (1000)");
      let bDone = false;
      const bQuery = b.query("SELECT count(*)::int AS n FROM items").then((r) => {
        bDone = true;
        return r.rows[0].n;
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(bDone).toBe(false); // queued, not reading a's uncommitted row
      await a.query("ROLLBACK");
      expect(await bQuery).toBe(50);
    } finally {
      a.release();
      b.release();
    }
  });

  it("rolls back what a client left open when it disconnects", async () => {
    const c = new pg.Client({ connectionString: server.url });
    await c.connect();
    await c.query("BEGIN");
    await c.query("INSERT INTO items (n) VALUES (2000)");
    await c.end(); // without COMMIT
    const { rows } = await pool.query("SELECT count(*)::int AS n FROM items WHERE n = 2000");
    expect(rows[0].n).toBe(0);
  });

  it("never interleaves two connections' extended-protocol messages (pglite-socket 0.1.3 does)", async () => {
    const a = await RawClient.connect(server.port);
    const b = await RawClient.connect(server.port);
    try {
      // a's query arrives in two TCP reads; b's whole query arrives in between.
      a.send(parse("SELECT 'A:' || $1::text AS v"), bind(["a"]));
      await sleep(50);
      b.send(parse("SELECT 'B:' || $1::text AS v, 2 AS w"), bind(["b"]), describePortal(), execute(), sync());
      await sleep(50);
      a.send(describePortal(), execute(), sync());
      const [am, bm] = await Promise.all([a.untilReady(), b.untilReady()]);
      expect(dataRows(am)).toEqual(["A:a"]);
      expect(dataRows(bm)).toEqual(["B:b"]);
      expect(am.filter((m) => m.type === "E")).toEqual([]);
    } finally {
      a.close();
      b.close();
    }
  });

  it("sends exactly one ReadyForQuery for an extended-protocol query that fails", async () => {
    const a = await RawClient.connect(server.port);
    try {
      a.send(parse("SELECT no_such_column"), bind([]), describePortal(), execute(), sync());
      const messages = await a.untilReady();
      await sleep(200); // a second (premature) ReadyForQuery would arrive by now
      const all = [...messages, ...a.drain()].filter((m) => m.type !== "S"); // ParameterStatus may come any time
      expect(all.map((m) => m.type)).toEqual(["E", "Z"]);
      // and the connection goes on working
      a.send(parse("SELECT $1::text"), bind(["ok"]), describePortal(), execute(), sync());
      expect(dataRows(await a.untilReady())).toEqual(["ok"]);
    } finally {
      a.close();
    }
  });

  it("declines TLS with 'N' instead of hanging (psql's default sslmode=prefer)", async () => {
    const socket = net.connect(server.port, "127.0.0.1");
    await new Promise((r) => socket.once("connect", r));
    const sslRequest = Buffer.alloc(8);
    sslRequest.writeInt32BE(8, 0);
    sslRequest.writeInt32BE(80877103, 4);
    socket.write(sslRequest);
    const answer = await new Promise<Buffer>((r) => socket.once("data", r));
    expect(answer.toString()).toBe("N");
    socket.destroy();
  });

  it("accepts any user and database name (all reach the one database)", async () => {
    const url = new URL(server.url);
    url.username = "someone";
    url.pathname = "/kongjian";
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    const { rows } = await c.query("SELECT count(*)::int AS n FROM items");
    expect(rows[0].n).toBe(50);
    await c.end();
  });
});

describe("embedded Postgres with a data directory", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kongjian-pglite-"));
  });
  afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it(
    "keeps data across stop/start, locks the folder while running, and releases it on stop",
    async () => {
      const dataDir = path.join(tmp, "a");
      const first = await startEmbeddedPostgres({ dataDir });
      expect(fs.existsSync(`${dataDir}.lock`)).toBe(true);
      expect(runningEmbeddedPostgres(dataDir)?.url).toBe(first.url);
      await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(/in use by process/);
      const c1 = new pg.Client({ connectionString: first.url });
      await c1.connect();
      await c1.query("CREATE TABLE kept (note text)");
      await c1.query("INSERT INTO kept VALUES ($1), ($2)", ["one", "two"]);
      await c1.end();
      await first.stop();
      expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
      expect(runningEmbeddedPostgres(dataDir)).toBeNull();

      const second = await startEmbeddedPostgres({ dataDir });
      try {
        const c2 = new pg.Client({ connectionString: second.url });
        await c2.connect();
        const { rows } = await c2.query("SELECT note FROM kept ORDER BY note");
        expect(rows.map((r) => r.note)).toEqual(["one", "two"]);
        await c2.end();
      } finally {
        await second.stop();
      }
    },
    SLOW,
  );

  it(
    "survives kill -9: committed rows are kept, the open transaction is rolled back, the stale lock is ignored",
    async () => {
      const dataDir = path.join(tmp, "b");
      const moduleUrl = new URL("./embedded-postgres.mjs", import.meta.url).href;
      const script = `
        import pg from "pg";
        import { startEmbeddedPostgres } from ${JSON.stringify(moduleUrl)};
        const s = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)} });
        const c = new pg.Client({ connectionString: s.url });
        await c.connect();
        await c.query("CREATE TABLE t (i int)");
        for (let i = 0; i < 20; i++) await c.query("INSERT INTO t VALUES ($1)", [i]);
        await c.query("BEGIN");
        await c.query("INSERT INTO t SELECT generate_series(100, 199)");
        console.log("READY");
        setInterval(() => {}, 1000);
      `;
      // cwd = the repo, so the child resolves `pg` from its node_modules
      const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
        cwd: path.resolve(here, "../.."),
        stdio: ["ignore", "pipe", "inherit"],
      });
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (d: Buffer) => d.toString().includes("READY") && resolve());
        child.once("exit", (code) => reject(new Error(`child exited early (${code})`)));
      });
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      expect(fs.existsSync(`${dataDir}.lock`)).toBe(true); // left behind

      const again = await startEmbeddedPostgres({ dataDir });
      try {
        const c = new pg.Client({ connectionString: again.url });
        await c.connect();
        const { rows } = await c.query("SELECT count(*)::int AS n, max(i) AS max FROM t");
        expect(rows[0]).toEqual({ n: 20, max: 19 });
        await c.end();
      } finally {
        await again.stop();
      }
    },
    SLOW,
  );
});

// ---------------------------------------------------------------------------------
// A minimal wire-protocol client, to send messages in chosen TCP writes.

type Msg = { type: string; body: Buffer };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function msg(type: string, body: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeInt32BE(body.length + 4);
  return Buffer.concat([Buffer.from(type), len, body]);
}
const cstr = (s: string) => Buffer.from(s + "\0");
const parse = (sql: string) => msg("P", Buffer.concat([cstr(""), cstr(sql), Buffer.from([0, 0])]));
function bind(params: string[]): Buffer {
  const parts = [cstr(""), cstr(""), Buffer.from([0, 0])];
  const n = Buffer.alloc(2);
  n.writeInt16BE(params.length);
  parts.push(n);
  for (const p of params) {
    const l = Buffer.alloc(4);
    l.writeInt32BE(Buffer.byteLength(p));
    parts.push(l, Buffer.from(p));
  }
  parts.push(Buffer.from([0, 0]));
  return msg("B", Buffer.concat(parts));
}
const describePortal = () => msg("D", Buffer.from([0x50, 0]));
const execute = () => msg("E", Buffer.concat([cstr(""), Buffer.alloc(4)]));
const sync = () => msg("S", Buffer.alloc(0));
function dataRows(messages: Msg[]): string[] {
  // first column of each DataRow, as text
  return messages
    .filter((m) => m.type === "D")
    .map((m) => m.body.subarray(6, 6 + m.body.readInt32BE(2)).toString());
}

class RawClient {
  private buf = Buffer.alloc(0);
  private constructor(private socket: net.Socket) {
    socket.on("data", (d) => (this.buf = Buffer.concat([this.buf, d])));
  }

  static async connect(port: number): Promise<RawClient> {
    const socket = net.connect(port, "127.0.0.1");
    await new Promise((r) => socket.once("connect", r));
    const c = new RawClient(socket);
    const body = Buffer.concat([Buffer.from([0, 3, 0, 0]), cstr("user"), cstr("postgres"), Buffer.from([0])]);
    const len = Buffer.alloc(4);
    len.writeInt32BE(body.length + 4);
    socket.write(Buffer.concat([len, body]));
    await c.untilReady();
    return c;
  }

  send(...parts: Buffer[]) {
    this.socket.write(Buffer.concat(parts));
  }

  /** Messages up to and including the next ReadyForQuery. */
  async untilReady(timeoutMs = 10_000): Promise<Msg[]> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const messages = this.peek();
      const z = messages.findIndex((m) => m.type === "Z");
      if (z >= 0) {
        const taken = messages.slice(0, z + 1);
        const bytes = taken.reduce((n, m) => n + 5 + m.body.length, 0);
        this.buf = this.buf.subarray(bytes);
        return taken;
      }
      if (Date.now() > until) throw new Error(`no ReadyForQuery; got ${messages.map((m) => m.type).join(" ")}`);
      await sleep(10);
    }
  }

  drain(): Msg[] {
    const messages = this.peek();
    this.buf = Buffer.alloc(0);
    return messages;
  }

  private peek(): Msg[] {
    const out: Msg[] = [];
    let off = 0;
    while (off + 5 <= this.buf.length) {
      const len = this.buf.readInt32BE(off + 1);
      if (off + 1 + len > this.buf.length) break;
      out.push({ type: String.fromCharCode(this.buf[off]!), body: this.buf.subarray(off + 5, off + 1 + len) });
      off += 1 + len;
    }
    return out;
  }

  close() {
    this.socket.destroy();
  }
}
