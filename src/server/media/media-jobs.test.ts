// The media job through the real queue (pg-boss on the test database): a job
// that throws is retried, then marked FAILED with a visible state; and the
// cleanup removes leftovers but nothing that is still needed.
import { mkdtempSync } from "node:fs";
import { utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { getBoss, QUEUES } from "@/server/jobs/boss";
import { handleMediaJob } from "@/server/jobs/worker";
import { startQueueLoop } from "@/server/jobs/queue-loop";
import { setStorageForTests, storage } from "@/server/storage";
import { LocalDiskStorage } from "@/server/storage/local-disk";
import { buildUser } from "@/test/factories";
import { jpeg } from "@/test/media-fixtures";
import type { SignedInViewer } from "@/server/auth/viewer";
import { runCleanup } from "./cleanup";
import { uploadMedia } from "./upload-media";

let owner: SignedInViewer;
let root: string;
let stopWorker: (() => Promise<void>) | null = null;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "kj-jobs-store-"));
  process.env.UPLOAD_SPOOL_DIR = mkdtempSync(path.join(tmpdir(), "kj-jobs-spool-"));
  setStorageForTests(new LocalDiskStorage(root));
  owner = await buildUser();
  const boss = await getBoss();
  // Other test files enqueue media jobs on the same database and process them
  // themselves: this worker runs only this file's user's jobs.
  stopWorker = startQueueLoop<{ mediaId: number }>(boss, QUEUES.mediaProcess, async (job) => {
    const m = await db.media.findUnique({ where: { id: job.data.mediaId }, select: { ownerId: true } });
    if (m?.ownerId !== owner.id) return;
    await handleMediaJob(job);
  }, { idleMs: 100 });
});
afterAll(async () => {
  await stopWorker?.();
  setStorageForTests(null);
});

async function until<T>(fn: () => Promise<T | null | undefined | false>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("the media job", () => {
  it("processes an upload through the queue", async () => {
    const body = await jpeg({ width: 120, height: 80 });
    const up = await uploadMedia(owner, { purpose: "inline", body: Readable.from([body]), declaredBytes: body.length, fileName: "a.jpg", clientKey: randomUUID() });
    const m = await until(async () => {
      const row = await db.media.findUnique({ where: { id: up.media.id } });
      return row?.status === "READY" ? row : null;
    });
    expect(m.variants).toContain("thumb");
  });

  it("a job that throws is retried, then marked failed where its owner sees it", async () => {
    const body = await jpeg({ width: 50, height: 50 });
    const album = await db.album.create({ data: { ownerId: owner.id, title: "Faults" } });
    // Every attempt of the job fails: reading the upload back throws.
    const real = storage();
    setStorageForTests({
      put: real.put.bind(real),
      get: async (key, range) => {
        if (key.endsWith("/upload")) throw new Error("storage read failed");
        return real.get(key, range);
      },
      stat: real.stat.bind(real),
      delete: real.delete.bind(real),
      move: real.move.bind(real),
      list: real.list.bind(real),
    });
    let failed;
    let up;
    try {
      up = await uploadMedia(owner, { purpose: "photo", albumId: album.id, batchKey: randomUUID(), body: Readable.from([body]), declaredBytes: body.length, fileName: "b.jpg", clientKey: randomUUID() });
      const id = up.media.id;
      failed = await until(async () => {
        const r = await db.media.findUnique({ where: { id } });
        return r?.status === "FAILED" ? r : null;
      }, 45_000);
    } finally {
      setStorageForTests(real);
    }
    expect(failed.error).toBe("processingFailed");
    const jobs = await db.$queryRaw<{ state: string; retry_count: number; retry_limit: number }[]>`
      SELECT state::text, retry_count, retry_limit FROM pgboss.job WHERE name = ${QUEUES.mediaProcess} AND data->>'mediaId' = ${String(up.media.id)}`;
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.retry_limit).toBeGreaterThan(0);
    expect(jobs[0]!.retry_count).toBe(jobs[0]!.retry_limit);
    const post = await db.post.findUniqueOrThrow({ where: { id: up.photo!.postId } });
    expect(post.state).toBe("FAILED");
  });
});

describe("the cleanup", () => {
  it("removes an orphaned temporary file and files without a row, keeps what is still needed", async () => {
    const store = storage();
    const orphanTmp = `tmp/${randomUUID()}`;
    const orphanMedia = `m/${randomUUID()}/display`;
    await store.put(orphanTmp, Buffer.from("left behind by a crash"));
    await store.put(orphanMedia, Buffer.from("row deleted, file not"));
    // A committed upload whose temporary file was not yet moved: still needed.
    // (A row written directly: no job exists that could move the file meanwhile.)
    const row = await db.media.create({
      data: { ownerId: owner.id, purpose: "inline", key: randomUUID(), mime: "image/webp", bytes: 5, variants: [], fileName: "c.jpg" },
    });
    await store.put(`tmp/${row.key}`, Buffer.from("bytes"));
    // Make everything look old enough.
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const k of [orphanTmp, orphanMedia, `tmp/${row.key}`]) await utimes(path.join(root, k), old, old);

    const report = await runCleanup();
    expect(report.tmpFiles).toBeGreaterThanOrEqual(1);
    expect(report.orphanFiles).toBeGreaterThanOrEqual(1);
    expect(await store.stat(orphanTmp)).toBeNull();
    expect(await store.stat(orphanMedia)).toBeNull();
    expect(await store.stat(`tmp/${row.key}`)).not.toBeNull();
  });

  it("removes media never attached to an item after a day", async () => {
    const body = await jpeg({ width: 20, height: 20 });
    const up = await uploadMedia(owner, { purpose: "inline", body: Readable.from([body]), declaredBytes: body.length, fileName: "d.jpg", clientKey: randomUUID() });
    await db.media.update({ where: { id: up.media.id }, data: { createdAt: new Date(Date.now() - 25 * 60 * 60 * 1000) } });
    const row = await db.media.findUniqueOrThrow({ where: { id: up.media.id } });
    await runCleanup();
    expect(await db.media.findUnique({ where: { id: up.media.id } })).toBeNull();
    expect(await storage().stat(`m/${row.key}/upload`)).toBeNull();
  });
});
