// Embedded Postgres for `npm start` / `npm run dev` / tests when DATABASE_URL is unset:
// PGlite (Postgres 17.5 compiled to WebAssembly, running inside this Node process)
// served on a local TCP port, so the app, the Prisma CLI and `pg` talk to it
// exactly as they talk to a real server (same `@prisma/adapter-pg` code path).
//
//   const pg = await startEmbeddedPostgres({ dataDir: ".data/pglite" }); // or {} = in-memory
//   pg.url  // postgresql://postgres@127.0.0.1:<port>/postgres?sslmode=disable
//   await pg.stop();
//
// WHY THIS FILE HAS ITS OWN WIRE-PROTOCOL FRONT END instead of using
// @electric-sql/pglite-socket's PGLiteSocketServer (0.1.3, the version pinned with
// pglite 0.4.3). PGlite is ONE Postgres backend in single-user mode: one session,
// one transaction at a time. pglite-socket has two modes and neither is usable by an
// app with a connection pool:
//   * maxConnections: 1 (its default): a second TCP connection is refused, so the
//     app's pool would have to be 1 AND nothing else (Prisma CLI, a psql, the test
//     runner, a second `next build` worker) could connect while the app runs.
//   * maxConnections: N: "multiplexing" that queues individual protocol MESSAGES and
//     only pins a connection while `BEGIN ... COMMIT` is open. Measured here with
//     0.1.3 (and reported upstream: electric-sql/pglite#1046, #977, #958):
//       - an extended-protocol query (Parse/Bind/Describe/Execute/Sync, which is what
//         `pg` sends for every parameterised query, i.e. every Prisma query) whose
//         messages arrive in more than one TCP read is interleaved with another
//         connection's: its unnamed statement/portal gets replaced ("portal does not
//         exist", or silently another query's rows);
//       - when an extended-protocol message fails, PGlite answers ErrorResponse +
//         ReadyForQuery at once, then another ReadyForQuery at Sync: two
//         ReadyForQuery for one query desynchronise the client (Prisma P1017);
//       - an SSLRequest (psql's / libpq's default sslmode=prefer) is never answered
//         (the client hangs); fed to PGlite raw it kills the whole database.
//     It also leaks a connection slot after a socket error.
// So this module keeps PGlite (the engine) and replaces only the socket front end
// (~300 lines) with a SESSION-PINNING multiplexer, the way pgbouncer's transaction
// mode works:
//   * any number of client connections may be open (limit `maxConnections`, 100);
//   * a connection owns the backend from its first message until the backend reports
//     ReadyForQuery with status Idle ('I'): i.e. for a whole query (all its extended
//     protocol messages up to Sync) or a whole transaction (BEGIN..COMMIT, Prisma
//     interactive transactions, migrations), or a COPY; other connections' messages
//     wait in FIFO order and run afterwards. Queries never interleave.
//   * each message goes to PGlite on its own (so an error is attributed to the right
//     message); ReadyForQuery that PGlite emits after a non-Sync extended message
//     (the premature one above) is dropped, so clients see one per Sync as from a
//     real server;
//   * SSLRequest/GSSENCRequest get 'N' (no TLS: clients continue in plain text),
//     CancelRequest is ignored, unknown/garbled messages close that connection with
//     an error instead of reaching PGlite (a FATAL inside PGlite ends the database);
//   * a connection that disconnects while owning the backend mid-query or
//     mid-transaction is cleaned up (Sync, then ROLLBACK) so it cannot wedge others;
//   * a connection that sits idle INSIDE a transaction while others are waiting is
//     closed after `idleInTransactionTimeoutMs` (60 s) with SQLSTATE 25P03, like
//     Postgres' idle_in_transaction_session_timeout.
//
// WHAT THIS MEANS FOR THE APP (pool size): any pool size is correct; there is no
// parallelism (one backend executes one query at a time), so a bigger pool only
// moves the queue from `pg.Pool` into this server. Use a SMALL pool on the embedded
// server (e.g. max 5, the same value is fine on a real server too); 1 also works but
// then a slow request blocks every other request in the pool queue. Do not rely on:
//   * waiting, inside a transaction, for a query on ANOTHER connection (e.g. calling
//     the non-transaction `prisma` client inside `prisma.$transaction(async tx => ..)`):
//     it deadlocks until Prisma's transaction timeout (default 5 s) rolls back;
//   * per-connection session state: SET, temp tables, named prepared statements,
//     advisory session locks, LISTEN are shared by all connections (one session).
//     adapter-pg uses unnamed statements unless `statementNameGenerator` is set:
//     leave it unset;
//   * separate databases: the user and database names in the URL are accepted but
//     ignored (one PGlite = one database, "postgres"). CREATE DATABASE x succeeds
//     but connecting to "x" reaches the same database. Isolated test databases need
//     separate embedded servers (startEmbeddedPostgres() again, in-memory).
//
// DATA DIRECTORY, LOCKS, UNCLEAN SHUTDOWN:
//   * `<dataDir>.lock` (next to the folder, e.g. .data/pglite.lock) holds the pid (and
//     its start time), port and URL of the process serving it. Two processes on one
//     data dir would corrupt it, so a live owner makes startEmbeddedPostgres() throw
//     ("... is in use by process N (serving on port P)"); runningEmbeddedPostgres()
//     reads the URL from it so a second command can use the running server instead.
//     A lock whose process is gone (crash, kill -9, power loss, container restart,
//     zombie, or pid reused by another process) is stale: it is removed and startup
//     continues.
//   * After an unclean shutdown (kill -9, crash) Postgres replays its WAL when the
//     folder is next opened (PGlite does the same crash recovery as a server):
//     committed transactions survive; the open ones are rolled back. Measured here:
//     see scripts/lib/embedded-postgres.test.ts ("survives kill -9").
//   * First-time initialisation is done in `<dataDir>.init-<pid>` and renamed into
//     place when complete, so an interrupted first start leaves no half-initialised
//     data dir (leftover .init-* folders are removed next time). initdb takes 3-8 s;
//     its result is cached as a template (see the end of this file), after which a new
//     database, in memory or on disk, takes ~1-2 s.
//   * stop() closes connections (rolling back open transactions), then closes PGlite
//     cleanly (shutdown checkpoint), then removes the lock.
//   * A data dir is tied to PGlite's Postgres major version (0.4.x = PG 17). Upgrading
//     @electric-sql/pglite across Postgres majors needs a dump/restore or a fresh dir.
//
// PGlite runs on this process's main thread: while a query runs, this process does
// nothing else. That is why `scripts/start.mjs` runs Next in a child process.

import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const STARTUP = 0; // pseudo message type for the startup packet (it has no type byte)
const MAX_MESSAGE = 256 * 1024 * 1024;

// Frontend messages we pass to PGlite. Anything else ('p' password, garbage) closes
// the connection: Postgres answers unknown types with FATAL, and FATAL inside PGlite
// would end the single backend, i.e. the database for everyone.
const ch = (c) => c.charCodeAt(0);
const FORWARDED = new Set(["Q", "P", "B", "D", "E", "C", "H", "S", "F", "d", "c", "f"].map(ch));
// Extended-protocol messages: a real server never sends ReadyForQuery for these
// (only for the Sync that ends the batch). PGlite does, after an error: dropped.
const EXTENDED = new Set(["P", "B", "D", "E", "C", "H"].map(ch));
const Z = ch("Z");
const COPY_IN_RESPONSE = ch("G");
const TERMINATE = ch("X");
// Backend messages that may follow ReadyForQuery without meaning "not idle".
const ASYNC_BACKEND = new Set(["S", "N", "A"].map(ch));

/**
 * Starts PGlite and serves it on 127.0.0.1.
 * @param {object} [options]
 * @param {string} [options.dataDir] folder for the data; undefined = in-memory (lost on stop)
 * @param {number} [options.port] TCP port; 0 or undefined = a free port chosen by the OS
 * @param {string} [options.host] default 127.0.0.1 (never expose this: no auth, no TLS)
 * @param {number} [options.maxConnections] default 100
 * @param {number} [options.idleInTransactionTimeoutMs] default 60000; 0 = never
 * @param {(err: Error) => void} [options.onFatal] called if PGlite dies (the database is gone)
 * @param {boolean} [options.debug] log connection/ownership events to stderr
 * @returns {Promise<{url: string, port: number, host: string, dataDir?: string,
 *   stats: () => object, stop: () => Promise<void>}>}
 */
export async function startEmbeddedPostgres(options = {}) {
  const {
    dataDir,
    port = 0,
    host = "127.0.0.1",
    maxConnections = 100,
    idleInTransactionTimeoutMs = 60_000,
    onFatal,
    debug = false,
  } = options;
  const log = debug ? (...a) => console.error("[embedded-postgres]", ...a) : () => {};

  let lock;
  let db;
  try {
    if (dataDir) {
      const dir = path.resolve(dataDir);
      lock = acquireLock(dir);
      await initDataDirIfNeeded(dir, log);
      db = await PGlite.create({ dataDir: dir });
    } else {
      db = await createFresh(undefined, log);
    }
  } catch (err) {
    if (db) await db.close().catch(() => {});
    lock?.release();
    throw err;
  }

  const backend = new Backend(db, { idleInTransactionTimeoutMs, log, onFatal });
  const server = net.createServer((socket) => backend.accept(socket));
  server.maxConnections = maxConnections;
  try {
    await new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(port || 0, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (err) {
    await db.close().catch(() => {});
    lock?.release();
    throw err;
  }
  server.on("error", (err) => log("server error", err));
  const actualPort = server.address().port;
  // application_name tells the app it is on this single-session server (src/server/env.ts
  // namedStatements: named prepared statements would collide between connections here).
  const url = `postgresql://postgres@${host}:${actualPort}/postgres?sslmode=disable&application_name=kongjian-embedded`;
  lock?.update({ port: actualPort, url });

  let stopping;
  const stop = () =>
    (stopping ??= (async () => {
      await new Promise((resolve) => {
        server.close(() => resolve());
        backend.closeAll(); // server.close waits for open sockets
      });
      await backend.idle(); // rollback of a disconnected owner, if any
      if (!backend.dead) await db.close().catch((err) => log("close", err));
      lock?.release();
    })());

  return {
    url,
    port: actualPort,
    host,
    dataDir: dataDir ? path.resolve(dataDir) : undefined,
    stats: () => backend.stats(),
    stop,
  };
}

/**
 * The embedded server another process (e.g. `npm start`) is serving from `dataDir`,
 * read from its lock file: { url, port, pid }, or null if none is running. Lets a
 * second command (seed, prisma CLI) use the running server instead of failing on the
 * lock: `DATABASE_URL ?? runningEmbeddedPostgres(".data/pglite")?.url`.
 * @param {string} dataDir
 */
export function runningEmbeddedPostgres(dataDir) {
  try {
    const dir = path.resolve(dataDir);
    const info = JSON.parse(fs.readFileSync(`${dir}.lock`, "utf8"));
    const live = info?.pid === process.pid ? heldHere.has(dir) : ownerAlive(info);
    if (info?.url && live) return { url: info.url, port: info.port, pid: info.pid };
  } catch {
    /* no lock file */
  }
  return null;
}

// ---------------------------------------------------------------------------------
// The multiplexer

class Backend {
  constructor(db, { idleInTransactionTimeoutMs, log, onFatal }) {
    this.db = db;
    this.idleMs = idleInTransactionTimeoutMs;
    this.log = log;
    this.onFatal = onFatal;
    this.conns = new Set();
    this.owner = null; // the connection whose session state the backend holds
    this.waiting = []; // connections with messages to run, FIFO
    this.pumping = null; // promise of the running pump loop
    this.idleTimer = null;
    this.dead = false;
    this.nextId = 1;
    this.executed = 0;
  }

  stats() {
    return {
      connections: this.conns.size,
      waiting: this.waiting.length,
      owner: this.owner?.id ?? null,
      messagesExecuted: this.executed,
      dead: this.dead,
    };
  }

  accept(socket) {
    const conn = {
      id: this.nextId++,
      socket,
      buf: Buffer.alloc(0),
      started: false, // startup packet seen
      pending: [], // complete messages not yet executed
      inSync: true, // backend idle ('I') after this connection's last message
      copy: null, // COPY FROM STDIN being collected: { chunks: Buffer[] }
      closed: false,
    };
    this.conns.add(conn);
    socket.setNoDelay(true);
    this.log(`#${conn.id} connected`);
    socket.on("data", (chunk) => this.onData(conn, chunk));
    socket.on("error", (err) => this.log(`#${conn.id} socket error`, err.code ?? err.message));
    socket.on("close", () => this.onClose(conn));
  }

  onData(conn, chunk) {
    if (conn.closed) return;
    conn.buf = conn.buf.length ? Buffer.concat([conn.buf, chunk]) : chunk;
    let off = 0;
    const buf = conn.buf;
    let added = false;
    while (!conn.closed) {
      if (!conn.started) {
        // Startup-phase packets: int32 length, int32 code, body. No type byte.
        if (buf.length - off < 8) break;
        const len = buf.readInt32BE(off);
        if (len < 8 || len > 10_000) return this.fatal(conn, "08P01", "invalid startup packet length");
        if (buf.length - off < len) break;
        const code = buf.readInt32BE(off + 4);
        const packet = Buffer.from(buf.subarray(off, off + len));
        off += len;
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          conn.socket.write("N"); // no TLS: a client with sslmode=prefer goes on in plain text
          continue;
        }
        if (code === CANCEL_REQUEST) return conn.socket.destroy(); // cannot cancel wasm code
        if (code >>> 16 !== 3) return this.fatal(conn, "0A000", "unsupported frontend protocol");
        if (this.dead) return this.fatal(conn, "57P01", "embedded Postgres has stopped");
        conn.started = true;
        conn.pending.push({ type: STARTUP, data: packet });
        added = true;
        continue;
      }
      if (buf.length - off < 5) break;
      const type = buf[off];
      const len = buf.readInt32BE(off + 1);
      if (len < 4 || len > MAX_MESSAGE) return this.fatal(conn, "08P01", "invalid message length");
      if (buf.length - off < 1 + len) break;
      const data = Buffer.from(buf.subarray(off, off + 1 + len));
      off += 1 + len;
      if (type === TERMINATE) {
        conn.socket.end(); // 'close' cleans up
        conn.closed = true;
        break;
      }
      if (!FORWARDED.has(type)) {
        return this.fatal(conn, "08P01", `invalid frontend message type ${type}`);
      }
      conn.pending.push({ type, data });
      added = true;
    }
    conn.buf = off === buf.length ? Buffer.alloc(0) : buf.subarray(off);
    if (conn.closed) return this.onClose(conn);
    if (added) this.schedule(conn);
  }

  schedule(conn) {
    if (this.owner === conn) {
      this.clearIdleTimer();
    } else if (!this.owner) {
      this.owner = conn;
    } else {
      if (!this.waiting.includes(conn)) this.waiting.push(conn);
      return;
    }
    this.pump();
  }

  onClose(conn) {
    if (!this.conns.has(conn)) return;
    conn.closed = true;
    this.conns.delete(conn);
    this.waiting = this.waiting.filter((c) => c !== conn);
    this.log(`#${conn.id} closed`);
    if (this.owner === conn) {
      this.clearIdleTimer();
      this.pump(); // the pump rolls back what this connection left open
    }
  }

  pump() {
    if (this.pumping) return this.pumping;
    this.pumping = this.runPump().finally(() => {
      this.pumping = null;
      if (this.owner?.pending.length && !this.dead) this.pump();
    });
    return this.pumping;
  }

  async idle() {
    while (this.pumping) await this.pumping;
  }

  async runPump() {
    while (this.owner && !this.dead) {
      const conn = this.owner;
      if (conn.closed) {
        await this.cleanUp(conn);
        this.release();
        continue;
      }
      const msg = conn.pending.shift();
      if (!msg) {
        // Owner is inside a transaction (or between extended messages) and has sent
        // nothing more yet: keep the backend for it; others keep waiting.
        this.armIdleTimer(conn);
        return;
      }
      let input = msg.data;
      let dropCopyInResponse = false;
      if (conn.copy) {
        // Collecting COPY FROM STDIN data (see below) until CopyDone / CopyFail.
        if (msg.type === ch("S") || msg.type === ch("H")) continue; // ignored in copy-in, as in Postgres
        conn.copy.chunks.push(msg.data);
        if (msg.type !== ch("c") && msg.type !== ch("f")) continue;
        input = Buffer.concat(conn.copy.chunks);
        conn.copy = null;
        dropCopyInResponse = true;
      } else if (msg.type === ch("Q") || msg.type === ch("P")) {
        const sql = msg.data.subarray(msg.type === ch("P") ? msg.data.indexOf(0, 5) + 1 : 5).toString("utf8");
        const copy = copyFromStdin(sql, msg.type);
        if (copy === "unsupported") {
          this.fatal(conn, "0A000", "the embedded Postgres supports COPY FROM STDIN only as a simple " +
            "query on its own (as psql's \\copy sends it), not in the extended protocol or a multi-statement query");
          continue; // closed: cleaned up on the next turn
        }
        if (copy) {
          // PGlite reads COPY data from the same input buffer as the query: given the
          // query alone it hits end-of-input, which is FATAL and ends the database.
          // So answer CopyInResponse ourselves, collect the data, then hand PGlite the
          // query + data + CopyDone in one call and drop its own CopyInResponse.
          conn.copy = { chunks: [msg.data] };
          conn.inSync = false;
          if (conn.socket.writable) conn.socket.write(copyInResponse(copy.binary));
          continue;
        }
      }
      let out;
      try {
        out = await this.exec(input);
      } catch (err) {
        if (msg.type === STARTUP && !this.dead) {
          this.fatal(conn, "08P01", String(err?.message ?? err));
          continue; // closed: cleaned up above on the next turn
        }
        return this.die(err);
      }
      const { bytes, lastZ } = filterOutput(out, EXTENDED.has(msg.type), dropCopyInResponse);
      if (bytes.length && !conn.closed && conn.socket.writable) conn.socket.write(bytes);
      conn.inSync = lastZ === "I";
      if (conn.inSync) this.release();
    }
  }

  exec(data) {
    this.executed++;
    // runExclusive: PGlite's own lock, in case someone also uses `db` in-process.
    return this.db.runExclusive(() => this.db.execProtocolRaw(data));
  }

  release() {
    const prev = this.owner;
    this.clearIdleTimer();
    this.owner = null;
    if (prev && !prev.closed && prev.pending.length) this.waiting.push(prev);
    while (this.waiting.length) {
      const next = this.waiting.shift();
      if (!next.closed) {
        this.owner = next;
        break;
      }
    }
  }

  // A connection went away while it held the backend mid-query / mid-transaction.
  async cleanUp(conn) {
    conn.copy = null; // nothing of it reached PGlite
    conn.pending = [];
    if (conn.inSync || this.dead) return;
    this.log(`#${conn.id} left the backend busy: rolling back`);
    try {
      await this.exec(message("S", Buffer.alloc(0)));
      if (this.db.isInTransaction()) await this.exec(message("Q", cstring("ROLLBACK")));
    } catch (err) {
      this.die(err);
    }
  }

  armIdleTimer(conn) {
    this.clearIdleTimer();
    if (!this.idleMs) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.owner !== conn || conn.closed) return;
      if (!this.waiting.length) return this.armIdleTimer(conn); // harms no one
      this.log(`#${conn.id} idle in transaction while others wait: closing it`);
      this.fatal(conn, "25P03", "terminating connection due to idle-in-transaction timeout " +
        "(the embedded Postgres runs one transaction at a time and others were waiting)");
    }, this.idleMs);
    this.idleTimer.unref();
  }

  clearIdleTimer() {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  fatal(conn, code, text) {
    if (conn.socket.writable) conn.socket.end(errorResponse("FATAL", code, text));
    setTimeout(() => conn.socket.destroy(), 100).unref();
    this.onClose(conn);
  }

  die(err) {
    if (this.dead) return;
    this.dead = true;
    console.error("[embedded-postgres] PGlite failed; the embedded database is no longer usable:", err);
    for (const conn of [...this.conns]) this.fatal(conn, "57P01", "embedded Postgres has stopped");
    this.owner = null;
    this.waiting = [];
    this.onFatal?.(err instanceof Error ? err : new Error(String(err)));
  }

  closeAll() {
    for (const conn of [...this.conns]) conn.socket.destroy();
  }
}

// Splits PGlite's output into messages; drops ReadyForQuery for extended-protocol
// messages (see top of file); reports the transaction status of the last
// ReadyForQuery if nothing but asynchronous messages follows it.
function filterOutput(out, dropReadyForQuery, dropCopyInResponse) {
  const buf = Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  const keep = [];
  let lastZ = null;
  let off = 0;
  while (off + 5 <= buf.length) {
    const type = buf[off];
    const end = off + 1 + buf.readInt32BE(off + 1);
    if (end > buf.length) break; // cannot happen: PGlite returns whole messages
    const start = off;
    off = end;
    if (type === Z && dropReadyForQuery) continue;
    if (type === COPY_IN_RESPONSE && dropCopyInResponse) {
      dropCopyInResponse = false; // only the first: we already sent the client ours
      continue;
    }
    keep.push(buf.subarray(start, end));
    if (type === Z) lastZ = String.fromCharCode(buf[start + 5]);
    else if (!ASYNC_BACKEND.has(type)) lastZ = null;
  }
  if (off < buf.length) keep.push(buf.subarray(off));
  return { bytes: keep.length === 1 ? Buffer.from(keep[0]) : Buffer.concat(keep), lastZ };
}

// Is this query a COPY ... FROM STDIN? Returns null (no), {binary} (a simple query
// that is exactly one COPY FROM STDIN: supported) or "unsupported".
function copyFromStdin(sql, type) {
  if (!/\bfrom\s+stdin\b/i.test(sql) || !/\bcopy\b/i.test(sql)) return null;
  const text = sql.replace(/^(\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/)*/, "");
  const single = !text.replace(/;\s*$/, "").includes(";");
  if (type !== ch("Q") || !/^copy\s/i.test(text) || !single) return "unsupported";
  return { binary: /\bbinary\b/i.test(text) };
}

function copyInResponse(binary) {
  // overall format, then 0 per-column formats (clients of text COPY do not use them)
  return message("G", Buffer.from([binary ? 1 : 0, 0, 0]));
}

function cstring(s) {
  return Buffer.from(s + "\0");
}

function message(type, body) {
  const head = Buffer.alloc(5);
  head[0] = ch(type);
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

function errorResponse(severity, code, text) {
  return message(
    "E",
    Buffer.concat([
      Buffer.from("S"), cstring(severity),
      Buffer.from("V"), cstring(severity),
      Buffer.from("C"), cstring(code),
      Buffer.from("M"), cstring(text),
      Buffer.from([0]),
    ]),
  );
}

// ---------------------------------------------------------------------------------
// Data directory

// Data dirs this process serves (a lock naming our own pid may be a stale one from an
// earlier process that had the same pid, e.g. after a container restart).
const heldHere = new Set();

function acquireLock(dir) {
  const file = `${dir}.lock`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const info = { pid: process.pid, procStart: procStart(process.pid), started: new Date().toISOString(), dataDir: dir };
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info) + "\n", { flag: "wx" });
      break;
    } catch (err) {
      if (err.code !== "EEXIST" || attempt > 2) throw err;
      let owner;
      try {
        owner = JSON.parse(fs.readFileSync(file, "utf8"));
      } catch {
        owner = null; // half-written or garbage: treat as stale
      }
      const live = owner?.pid === process.pid ? heldHere.has(dir) : ownerAlive(owner);
      if (live) {
        throw new Error(
          `${dir} is in use by process ${owner.pid}` +
            (owner.port ? ` (serving on port ${owner.port})` : "") +
            `. Stop it first; if no such process is yours, delete ${file}.`,
        );
      }
      // Stale: the previous owner crashed or was killed. Postgres replays its WAL
      // on open, so the data itself needs nothing from us.
      fs.rmSync(file, { force: true });
    }
  }
  heldHere.add(dir);
  return {
    update(extra) {
      Object.assign(info, extra);
      fs.writeFileSync(file, JSON.stringify(info) + "\n");
    },
    release() {
      heldHere.delete(dir);
      try {
        const cur = JSON.parse(fs.readFileSync(file, "utf8"));
        if (cur.pid === process.pid) fs.rmSync(file, { force: true });
      } catch {
        /* already gone */
      }
    },
  };
}

// Is the process that wrote this lock still running? Same pid AND, where /proc exists,
// the same start time: after a reboot or a container restart another process may have
// been given that pid.
function ownerAlive(owner) {
  if (!owner?.pid) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    if (err.code !== "EPERM") return false;
  }
  const stat = procStat(owner.pid);
  if (!stat) return true; // no /proc (macOS): trust kill(pid, 0)
  // A killed process that nobody reaped (e.g. in a container whose pid 1 does not
  // reap orphans) still answers kill(pid, 0): a zombie holds no files, so it is dead.
  if (stat[0] === "Z" || stat[0] === "X") return false;
  return !owner.procStart || owner.procStart === stat[19];
}

// Fields of /proc/<pid>/stat after "(comm)": [0] state ... [19] start time (ticks since boot)
function procStat(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

function procStart(pid) {
  return procStat(pid)?.[19];
}

async function initDataDirIfNeeded(dir, log) {
  const parent = path.dirname(dir);
  const base = path.basename(dir);
  // We hold the lock: any leftover initialisation folder is from a dead process.
  for (const name of fs.readdirSync(parent)) {
    if (name.startsWith(`${base}.init-`)) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
  }
  if (fs.existsSync(path.join(dir, "PG_VERSION"))) return;
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new Error(`${dir} exists but is not a PGlite data directory (no PG_VERSION); move it away`);
  }
  const tmp = `${dir}.init-${process.pid}`;
  log(`initialising ${dir}`);
  const db = await createFresh(tmp, log);
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true }); // empty folder, if any
  fs.renameSync(tmp, dir);
}

// ---------------------------------------------------------------------------------
// initdb template
//
// A new database (in memory, or a first data dir) normally runs PGlite's initdb:
// 3-4 s on an idle 2-core machine, 10-20 s on a loaded one. The freshly initialised
// data dir is the same every time, so the first initdb is dumped to
// node_modules/.cache/kongjian-pglite/<pglite version>.tar (40 MB) and later
// databases are created from that tarball (~0.7 s). The version in the name keeps an
// upgraded PGlite from loading an old template; a template that fails to load is
// deleted and initdb runs as before. `npm ci` wipes node_modules and so the cache.

const cacheFile = (() => {
  try {
    const require = createRequire(import.meta.url);
    let dir = path.dirname(require.resolve("@electric-sql/pglite"));
    while (!fs.existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
    const { version } = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
    return path.join(root, "node_modules/.cache/kongjian-pglite", `pglite-${version}-initdb.tar`);
  } catch {
    return null;
  }
})();

async function createFresh(dataDir, log) {
  if (cacheFile && fs.existsSync(cacheFile)) {
    try {
      const blob = new Blob([fs.readFileSync(cacheFile)]);
      return await PGlite.create({ dataDir, loadDataDir: blob });
    } catch (err) {
      log("initdb template unusable, running initdb", err);
      fs.rmSync(cacheFile, { force: true });
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const db = await PGlite.create({ dataDir });
  if (cacheFile) {
    try {
      await db.exec("CHECKPOINT");
      const tar = Buffer.from(await (await db.dumpDataDir("none")).arrayBuffer());
      fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
      const tmp = `${cacheFile}.${process.pid}`;
      fs.writeFileSync(tmp, tar);
      fs.renameSync(tmp, cacheFile); // atomic: concurrent writers each write a whole file
    } catch (err) {
      log("could not cache the initdb template", err);
    }
  }
  return db;
}
