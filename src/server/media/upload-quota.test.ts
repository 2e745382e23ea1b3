// The per-user storage quota while an upload is received: a declared size
// over what is left is refused before reading, an undeclared body is cut off
// as soon as it passes what is left (not at the per-file limit), an upload
// that fills the quota exactly is accepted, and two concurrent uploads that
// each fit alone but not together leave one. A refusal stores nothing.
// MEDIA_QUOTA_BYTES is read at each call; every test file runs in its own
// process (vitest pool "forks"), so setting it here touches no other file.
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { HTTP_STATUS, type AppError } from "@/server/errors";
import { setStorageForTests, storage } from "@/server/storage";
import { LocalDiskStorage } from "@/server/storage/local-disk";
import type { SignedInViewer } from "@/server/auth/viewer";
import { buildUser } from "@/test/factories";
import { appErrorOf, errorOf } from "@/test/errors";
import { jpeg } from "@/test/media-fixtures";
import { MEDIA_LIMITS } from "./limits";
import { getStorageUsage } from "./storage-usage";
import { uploadMedia } from "./upload-media";

let spoolRoot: string;
let photo: Buffer;

beforeAll(async () => {
  spoolRoot = mkdtempSync(path.join(tmpdir(), "kj-quota-spool-"));
  process.env.UPLOAD_SPOOL_DIR = spoolRoot;
  setStorageForTests(new LocalDiskStorage(mkdtempSync(path.join(tmpdir(), "kj-quota-store-"))));
  photo = await jpeg({ width: 40, height: 40 });
});
afterEach(() => {
  delete process.env.MEDIA_QUOTA_BYTES;
});
afterAll(() => setStorageForTests(null));

const setQuota = (bytes: number) => {
  process.env.MEDIA_QUOTA_BYTES = String(bytes);
};

const upload = (owner: SignedInViewer, body: Readable, declaredBytes: number | null) =>
  uploadMedia(owner, { purpose: "inline", body, declaredBytes, fileName: "photo.jpg", clientKey: randomUUID() });
const uploadPhoto = (owner: SignedInViewer, declared: boolean) => upload(owner, Readable.from([photo]), declared ? photo.length : null);

async function storedKeys(): Promise<string[]> {
  const keys: string[] = [];
  for await (const o of storage().list("")) keys.push(o.key);
  return keys.sort();
}

/** What is stored now, to compare after a refusal: rows, files, spool. */
async function snapshot(owner: SignedInViewer) {
  return { rows: await db.media.count({ where: { ownerId: owner.id } }), keys: await storedKeys(), spool: readdirSync(spoolRoot) };
}

/** 413 with the quota's message (not the per-file "too large" one), on the file field. */
const expectQuotaRefusal = (err: AppError) =>
  expect({ status: HTTP_STATUS[err.code], key: err.messageKey, field: err.field }).toEqual({ status: 413, key: "quotaExceeded", field: "file" });

describe("the storage quota while receiving an upload", () => {
  it("a declared size over what is left of the quota: 413 (quota) before a single byte is read", async () => {
    const owner = await buildUser();
    await uploadPhoto(owner, true);
    setQuota(photo.length + 100);
    const before = await snapshot(owner);
    let pulled = 0;
    const body = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(1024));
      },
    });
    const err = await appErrorOf(upload(owner, body, 101));
    body.destroy();
    expectQuotaRefusal(err);
    expect(pulled).toBe(0);
    expect(await snapshot(owner)).toEqual(before);
  });

  it("an undeclared body is cut off as soon as it passes what is left, far below the per-file limit", async () => {
    const owner = await buildUser();
    await uploadPhoto(owner, true);
    const left = 256 * 1024;
    setQuota(photo.length + left);
    const before = await snapshot(owner);
    let sent = 0;
    const chunk = Buffer.alloc(64 * 1024, 0xff);
    const total = MEDIA_LIMITS.image / 2; // under the per-file limit: only the quota can stop it early
    const body = new Readable({
      read() {
        sent += chunk.length;
        this.push(sent > total ? null : chunk);
      },
    });
    const err = await appErrorOf(upload(owner, body, null));
    expectQuotaRefusal(err);
    // Stopped near the remaining quota (a few chunks of stream buffering), not at the end of the 10 MB body.
    expect(sent).toBeLessThan(left + 8 * chunk.length);
    expect(await snapshot(owner)).toEqual(before);
  });

  it.each([
    ["declared", true],
    ["undeclared", false],
  ])("an upload (%s) that fills the quota exactly is accepted; one more byte is not", async (_name, declared) => {
    const owner = await buildUser();
    setQuota(photo.length);
    const res = await uploadPhoto(owner, declared);
    expect(res.media.bytes).toBe(photo.length);
    expect(await getStorageUsage(owner)).toEqual({ usedBytes: photo.length, quotaBytes: photo.length });
    const before = await snapshot(owner);
    expectQuotaRefusal(await appErrorOf(upload(owner, Readable.from([Buffer.from([0xff])]), declared ? 1 : null)));
    expect(await snapshot(owner)).toEqual(before);
  });

  it("two concurrent uploads that fit alone but not together: one is stored, the other refused (quota)", async () => {
    const owner = await buildUser();
    setQuota(Math.floor(photo.length * 1.5));
    // Both awaited at once through errorOf (never a bare rejecting promise left waiting).
    const results = await Promise.all([errorOf(uploadPhoto(owner, true)), errorOf(uploadPhoto(owner, true))]);
    const refused = results.filter((r) => r !== null);
    expect(refused).toHaveLength(1);
    expectQuotaRefusal(refused[0]!);
    expect(await db.media.count({ where: { ownerId: owner.id } })).toBe(1);
    expect((await storedKeys()).filter((k) => k.startsWith("tmp/"))).toEqual([]);
    expect(readdirSync(spoolRoot)).toEqual([]);
  });
});
