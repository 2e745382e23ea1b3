// `npm run bench:media [-- --quick]`: the media pipeline's two figures.
//   1. photo pipeline throughput: 12 MP JPEGs to display + thumbnail +
//      placeholder, (a) a bare sharp loop doing just those resizes, (b) the
//      app's functions (inspectImage at upload + renderImageVariants in the
//      job, which also writes the full-size re-encoded copy), (c) the app's
//      whole path in-process: uploadMedia (spool, sniff, inspect, storage,
//      DB row, job) + processMedia (render, storage, DB), on the same files,
//      in the same run, one image at a time and two at a time (2 cores).
//   2. peak memory of a 200 MB video upload through the real HTTP route of a
//      production `next start` (RSS of the server process sampled every 20 ms).
// Results: bench/results/media.json. Run with the server-only condition so
// the app's modules load outside Next:
//   node --conditions=react-server --import tsx bench/media/run.ts
import { createReadStream, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { randomUUID } from "node:crypto";
import pg from "pg";
import sharp from "sharp";
import { rgbaToThumbHash } from "thumbhash";
import { freePort, installCleanup, repoRoot, startGroup, stopGroup, waitForHttp } from "../lib/processes";
import { mintSessionCookie } from "../lib/session";
import { round } from "../lib/stats";
import { writeResult } from "../lib/tiers";

const quick = process.argv.includes("--quick");
const N = quick ? 3 : 12;
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const dbName = "kongjian_bench_media";

async function freshDatabase(): Promise<string> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${dbName}`);
  await c.end();
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
}

/** A photo-like 12 MP JPEG: smooth shapes plus sensor-like noise (so it compresses like a camera file, ~3-5 MB). */
async function photo12mp(seed: number): Promise<Buffer> {
  const w = 4000;
  const h = 3000;
  const noise = await sharp({ create: { width: w, height: h, channels: 3, background: "#000000", noise: { type: "gaussian", mean: 128, sigma: 40 } } }).blur(1.2).raw().toBuffer();
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${seed * 37 % 360},70%,60%)"/><stop offset="1" stop-color="hsl(${(seed * 37 + 120) % 360},60%,30%)"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="${1000 + seed * 150}" cy="1400" r="700" fill="hsl(${seed * 59 % 360},80%,50%)" opacity="0.7"/></svg>`,
  );
  return sharp(noise, { raw: { width: w, height: h, channels: 3 } })
    .composite([{ input: svg, blend: "overlay" }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

async function timed<T>(items: T[], concurrency: number, fn: (x: T) => Promise<unknown>) {
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
  const s = (performance.now() - t0) / 1000;
  return { seconds: round(s), imagesPerSecond: round(items.length / s) };
}

/** What the issue asks the pipeline to produce, and nothing else: display 2048, thumb 400, placeholder. */
async function bareSharp(file: string) {
  const base = sharp(file, { limitInputPixels: 40_000_000 }).rotate();
  const [, , small] = await Promise.all([
    base.clone().resize({ width: 2048, height: 2048, fit: "inside", withoutEnlargement: true }).webp({ quality: 82 }).toBuffer(),
    base.clone().resize({ width: 400, height: 400, fit: "inside", withoutEnlargement: true }).webp({ quality: 75 }).toBuffer(),
    base.clone().resize({ width: 100, height: 100, fit: "inside" }).ensureAlpha().raw().toBuffer({ resolveWithObject: true }),
  ]);
  rgbaToThumbHash(small.info.width, small.info.height, small.data);
}

async function photoThroughput(databaseUrl: string) {
  process.env.DATABASE_URL = databaseUrl;
  process.env.MEDIA_DIR = mkdtempSync(path.join(tmpdir(), "kj-bench-media-"));
  process.env.UPLOAD_SPOOL_DIR = mkdtempSync(path.join(tmpdir(), "kj-bench-spool-"));
  const dir = mkdtempSync(path.join(tmpdir(), "kj-bench-photos-"));
  console.log(`[media] generating ${N} 12 MP JPEGs...`);
  const files: string[] = [];
  let bytes = 0;
  for (let i = 0; i < N; i++) {
    const buf = await photo12mp(i);
    bytes += buf.length;
    const f = path.join(dir, `p${i}.jpg`);
    writeFileSync(f, buf);
    files.push(f);
  }
  const { inspectImage, renderImageVariants } = await import("../../src/server/media/image");
  const { uploadMedia } = await import("../../src/server/media/upload-media");
  const { processMedia } = await import("../../src/server/media/process-media");
  const { db } = await import("../../src/server/db");
  const user = await db.user.create({ data: { email: `bench-${randomUUID()}@bench.local`, handle: `b_${randomUUID().slice(0, 8)}`, displayName: "Bench", passwordHash: "x" }, select: { id: true, handle: true, displayName: true, sessionVersion: true, locale: true, timeZone: true, avatarMediaId: true } });
  process.env.MEDIA_QUOTA_BYTES = String(1e12);

  const appFunctions = async (f: string) => {
    await inspectImage(f);
    await renderImageVariants(f);
  };
  const appPath = async (f: string) => {
    const up = await uploadMedia(user as never, { purpose: "inline", body: createReadStream(f), declaredBytes: null, fileName: path.basename(f), clientKey: randomUUID() });
    await processMedia(up.media.id);
  };
  await bareSharp(files[0]!); // warm libvips
  await appFunctions(files[0]!);
  const out: Record<string, unknown> = { images: N, megapixels: 12, meanFileMB: round(bytes / N / 1e6) };
  for (const c of [1, 2]) {
    out[`bareSharp_c${c}`] = await timed(files, c, bareSharp);
    out[`appFunctions_c${c}`] = await timed(files, c, appFunctions);
    out[`appPath_c${c}`] = await timed(files, c, appPath);
    console.log(`[media] concurrency ${c}:`, out[`bareSharp_c${c}`], out[`appFunctions_c${c}`], out[`appPath_c${c}`]);
  }
  const ratio = (a: string, b: string) => round((out[a] as { imagesPerSecond: number }).imagesPerSecond / (out[b] as { imagesPerSecond: number }).imagesPerSecond);
  out.ratioAppPathToBare_c1 = ratio("appPath_c1", "bareSharp_c1");
  out.ratioAppPathToBare_c2 = ratio("appPath_c2", "bareSharp_c2");
  await db.$disconnect();
  return out;
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Streams `size` bytes that start like an MP4 (ftyp box), so the server accepts and stores them as a video. */
function fakeVideo(size: number): Readable {
  const ftyp = Buffer.from("000000186674797069736f6d0000020069736f6d6d703431", "hex");
  let sent = 0;
  const chunk = Buffer.alloc(1024 * 1024, 0x5a);
  return new Readable({
    read() {
      if (sent >= size) return this.push(null);
      const first = sent === 0;
      const n = Math.min(chunk.length, size - sent);
      const piece = first ? Buffer.concat([ftyp, chunk.subarray(0, n - ftyp.length)]) : chunk.subarray(0, n);
      sent += piece.length;
      this.push(piece);
    },
  });
}

async function uploadMemory(databaseUrl: string) {
  const size = quick ? 50 * 1024 * 1024 : 200 * 1024 * 1024;
  const nextBin = path.join(repoRoot, "node_modules/next/dist/bin/next");
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  try {
    readFileSync(path.join(repoRoot, distDir, "BUILD_ID"));
  } catch {
    return { skipped: `no production build in ${distDir} (run npm run build first)` };
  }
  const secret = randomUUID();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const group = startGroup("next", process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: url, MEDIA_DIR: mkdtempSync(path.join(tmpdir(), "kj-bench-srv-")), MEDIA_QUOTA_BYTES: String(1e12), NEXT_TELEMETRY_DISABLED: "1" },
  });
  try {
    await waitForHttp(group, `${url}/api/feed`, (s) => s === 401, 90_000);
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    const { rows } = await c.query(
      `INSERT INTO users (email, handle, display_name, password_hash) VALUES ($1, $2, 'Bench', 'x') RETURNING id, handle, session_version AS "sessionVersion"`,
      [`up-${randomUUID()}@bench.local`, `u_${randomUUID().slice(0, 8)}`],
    );
    await c.end();
    const cookie = await mintSessionCookie(rows[0], secret);
    const pid = group.child.pid!;
    // Let the server settle, then take the baseline.
    await new Promise((r) => setTimeout(r, 2000));
    const baseline = rssKb(pid);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssKb(pid))), 20);
    const t0 = performance.now();
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${url}/api/uploads?purpose=video&name=big.mp4&clientKey=${randomUUID()}`, { method: "POST", headers: { cookie, "content-type": "application/octet-stream", "content-length": String(size) } }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      fakeVideo(size).pipe(req);
    });
    const seconds = (performance.now() - t0) / 1000;
    await new Promise((r) => setTimeout(r, 3000)); // the job copies and probes the file too
    clearInterval(sampler);
    return { uploadMB: size / 1024 / 1024, status, seconds: round(seconds), MBps: round(size / 1024 / 1024 / seconds), baselineRssMB: round(baseline / 1024), peakRssMB: round(peak / 1024), peakAboveBaselineMB: round((peak - baseline) / 1024) };
  } finally {
    await stopGroup(group, 3000);
  }
}

async function main() {
installCleanup();
const databaseUrl = await freshDatabase();
const { spawnSync } = await import("node:child_process");
const migrated = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], { cwd: repoRoot, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: "inherit" });
if (migrated.status !== 0) throw new Error("migrate deploy failed");
const photos = await photoThroughput(databaseUrl);
const memory = await uploadMemory(databaseUrl);
const result = { at: new Date().toISOString(), quick, cpus: (await import("node:os")).cpus().length, loadavg: (await import("node:os")).loadavg().map((x) => round(x)), photos, memory };
console.log(JSON.stringify(result, null, 2));
writeResult("media", result);
process.exit(0);
}

void main();
