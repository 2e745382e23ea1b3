// Workload 2, "server floors": the fastest this machine can serve the feed's
// first page with no framework, to compare the real app against.
//   (a) bare:   node:http + pg (pool 10, named prepared statements)
//   (b) prisma: node:http + Prisma 7 ($queryRaw over @prisma/adapter-pg, pool 10)
// Both run the SAME SQL the app runs for a first page of GET /api/feed
// (src/server/feed/get-feed.ts): the inbox page (state + entries in one
// statement) and the hot-account pull in parallel, then the deep pull only
// if the inbox runs out; rows merged and presented in the same JSON shape
// ({ items: PostView[], nextCursor }). No session check: the user id comes in
// the query (?uid=) or the x-user-id header.
//
//   npx tsx bench/http/floor-servers.ts --tier S|tiny [--quick]
//     starts each server as a child process on its own port, measures it at
//     saturation (autocannon, 32 connections) and at an open-loop 300 req/s,
//     rotating over a fixed sample of ~200 users; writes bench/results/floors-<tier>.json
//   node --import tsx bench/http/floor-servers.ts --serve bare|prisma --port N
//     (with DATABASE_URL) runs one server; prints READY when listening.
import http from "node:http";
import os from "node:os";
import { bareQueries, feedPage, prismaQueries } from "../lib/feed-floor";
import { measureCpu } from "../lib/cpu";
import { openLoop } from "../lib/open-loop";
import { freePort, installCleanup, probeBaseline, settle, startGroup, stopGroup, tsxArgs, waitForHttp } from "../lib/processes";
import { loadAverage, repeat, summarizeOpenLoop, summarizeSaturation } from "../lib/repeat";
import { sampleUsers, tierReady } from "../lib/sample-users";
import { saturate } from "../lib/saturate";
import { benchDatabaseUrl, parseTier, writeResult } from "../lib/tiers";

async function serve(kind: "bare" | "prisma", port: number) {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set");
  const q = kind === "bare" ? bareQueries(databaseUrl) : await prismaQueries(databaseUrl);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://floor");
    if (url.pathname === "/health") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    const uid = Number(url.searchParams.get("uid") ?? req.headers["x-user-id"]);
    const before = url.searchParams.get("before");
    if (url.pathname !== "/feed" || !Number.isInteger(uid) || uid <= 0) {
      res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not_found"}');
      return;
    }
    feedPage(q, uid, before ? Number(before) : undefined).then(
      (page) => {
        const body = JSON.stringify(page);
        res.writeHead(200, { "content-type": "application/json", "cache-control": "private, no-store", "content-length": Buffer.byteLength(body) }).end(body);
      },
      (err: Error) => {
        console.error(err);
        res.writeHead(500, { "content-type": "application/json" }).end('{"error":"internal"}');
      },
    );
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, "127.0.0.1", () => console.log(`READY ${kind} ${port}`));
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

// ---------------------------------------------------------------------------
// The measurement

export type FloorsResult = Awaited<ReturnType<typeof measureFloors>>;

export async function measureFloors(tier: ReturnType<typeof parseTier>, quick: boolean) {
  const databaseUrl = benchDatabaseUrl(tier);
  const ready = await tierReady(databaseUrl);
  if (!ready.ok) throw new Error(`tier ${tier} is not seeded: ${ready.reason}`);
  const { users, buckets } = await sampleUsers(databaseUrl, quick ? 30 : 200);
  const noInbox = users.filter((u) => !u.hasInbox);
  if (noInbox.length) throw new Error(`${noInbox.length} sample users have no inbox (e.g. ${noInbox[0]!.id}); reseed without --no-inboxes`);
  const d = quick ? { reps: 3, warm: 0.3, sat: 1, ol: 1, olWarm: 0.2 } : { reps: 3, warm: 3, sat: 10, ol: 15, olWarm: 2 };
  const rate = 300;
  const specs = users.map((u) => ({ path: `/feed?uid=${u.id}` }));
  const servers: Record<string, unknown> = {};
  const bodies: Record<string, string[]> = {};
  const loadBefore = loadAverage();

  for (const kind of ["bare", "prisma"] as const) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const g = startGroup(`floor-${kind}`, process.execPath, tsxArgs("bench/http/floor-servers.ts", ["--serve", kind, "--port", String(port)]), {
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" },
    });
    try {
      await waitForHttp(g, `${url}/health`, (s) => s === 200, 30_000);
      // Warm-up: one pass over every sample user (pool, prepared statements, buffer cache), kept for the cross-check.
      bodies[kind] = [];
      for (const s of specs) {
        const res = await fetch(url + s.path);
        const text = await res.text();
        if (res.status !== 200) throw new Error(`floor ${kind} ${s.path} -> ${res.status} ${text.slice(0, 200)}\n${g.log.slice(-10).join("\n")}`);
        bodies[kind].push(text);
      }
      // Before each run, wait out any backlog the previous one left (a feed request must be fast again).
      const probe = url + specs[0]!.path;
      const settleOpts = { fastMs: Math.max(20, 3 * (await probeBaseline(probe))), maxMs: quick ? 3000 : 30_000 };
      const dbName = new URL(databaseUrl).pathname.slice(1);
      const pid = g.child.pid;
      await saturate({ url, requests: specs, connections: 32, durationSec: d.warm });
      const sat = await repeat(d.reps, async () => {
        await settle(probe, settleOpts);
        const { result, cpu } = await measureCpu(pid, dbName, (r) => r.sent, () => saturate({ url, requests: specs, connections: 32, durationSec: d.sat }), () => settle(probe, settleOpts));
        return { ...result, cpu };
      });
      const ol = await repeat(d.reps, async () => {
        await settle(probe, settleOpts);
        const { result, cpu } = await measureCpu(pid, dbName, (r) => r.sent + r.warmupSent, () => openLoop({ url, rate, durationSec: d.ol, warmupSec: d.olWarm, request: (i) => specs[i % specs.length]! }));
        return { ...result, cpu };
      });
      if (g.child.exitCode !== null || g.child.signalCode !== null) throw new Error(`floor ${kind} server exited during the run:\n${g.log.slice(-20).join("\n")}`);
      servers[kind] = { saturation: summarizeSaturation(sat), openLoop: summarizeOpenLoop(ol), meanBodyBytes: Math.round(bodies[kind].reduce((a, b) => a + Buffer.byteLength(b), 0) / bodies[kind].length) };
      console.log(`[floors] ${kind}: ${JSON.stringify(brief(servers[kind]))}`);
    } finally {
      await stopGroup(g);
    }
  }
  const mismatches = bodies.bare!.map((b, i) => (b === bodies.prisma![i] ? -1 : users[i]!.id)).filter((id) => id >= 0);
  return {
    tier,
    quick,
    node: process.version,
    cpus: os.cpus().length,
    loadavg: { before: loadBefore, after: loadAverage() },
    sample: { users: users.length, buckets },
    rate,
    durations: d,
    sameBodies: mismatches.length === 0 ? "bare and prisma answered identical bodies for every sample user" : `bodies differ for users ${mismatches.slice(0, 10).join(", ")}`,
    servers: servers as Record<"bare" | "prisma", { saturation: ReturnType<typeof summarizeSaturation>; openLoop: ReturnType<typeof summarizeOpenLoop>; meanBodyBytes: number }>,
  };
}

function brief(x: unknown) {
  const s = x as { saturation: ReturnType<typeof summarizeSaturation>; openLoop: ReturnType<typeof summarizeOpenLoop> };
  return {
    rps: s.saturation.rps.median,
    satP50: s.saturation.p50.median,
    satP99: s.saturation.p99.median,
    olP50: s.openLoop.p50.median,
    olP95: s.openLoop.p95.median,
    olP99: s.openLoop.p99.median,
    cpuMsPerReq: s.saturation.cpu?.serverMsPerRequest,
    dbCpuMsPerReq: s.saturation.cpu?.dbMsPerRequest,
    valid: s.saturation.valid && s.openLoop.valid,
  };
}

async function main() {
  const argv = process.argv.slice(2);
  const serveAt = argv.indexOf("--serve");
  if (serveAt >= 0) {
    const kind = argv[serveAt + 1];
    if (kind !== "bare" && kind !== "prisma") throw new Error("--serve bare|prisma");
    const portAt = argv.indexOf("--port");
    await serve(kind, Number(portAt >= 0 ? argv[portAt + 1] : 0));
    return;
  }
  installCleanup();
  const tier = parseTier(process.argv);
  const result = await measureFloors(tier, argv.includes("--quick"));
  const file = writeResult(`floors-${tier}`, result);
  console.log(`[floors] wrote ${file}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
