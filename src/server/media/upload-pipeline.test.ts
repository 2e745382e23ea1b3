// The upload pipeline end to end on the real database and a real (temporary)
// local storage: what is refused is refused with its reason and leaves
// nothing behind; what is accepted is stored only as re-encoded bytes.
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { setStorageForTests, storage, type Storage } from "@/server/storage";
import { LocalDiskStorage } from "@/server/storage/local-disk";
import { buildUser } from "@/test/factories";
import { emptyFile, htmlRenamedJpg, jpeg, jpegWithHtmlAppended, pngDeclaring, svgWithScript, truncatedJpeg } from "@/test/media-fixtures";
import type { SignedInViewer } from "@/server/auth/viewer";
import { processMedia } from "./process-media";
import { uploadMedia, type UploadInput } from "./upload-media";
import { MEDIA_LIMITS } from "./limits";

let owner: SignedInViewer;
let root: string;
let spoolRoot: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "kj-pipeline-store-"));
  spoolRoot = mkdtempSync(path.join(tmpdir(), "kj-pipeline-spool-"));
  process.env.UPLOAD_SPOOL_DIR = spoolRoot;
  setStorageForTests(new LocalDiskStorage(root));
  owner = await buildUser();
});
afterAll(() => setStorageForTests(null));

async function storedKeys(): Promise<string[]> {
  const keys: string[] = [];
  for await (const o of storage().list("")) keys.push(o.key);
  return keys;
}

const upload = (body: Buffer | Readable, input: Partial<UploadInput> = {}) =>
  uploadMedia(owner, {
    purpose: "inline",
    body: Buffer.isBuffer(body) ? Readable.from([body]) : (body as Readable),
    declaredBytes: body instanceof Buffer ? body.length : null,
    fileName: "photo.jpg",
    clientKey: randomUUID(),
    ...input,
  });

async function refusal(work: Promise<unknown>) {
  const err = await work.then(
    () => null,
    (e) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("bad uploads are refused with a reason and leave nothing", () => {
  const cases: [string, () => Promise<Buffer> | Buffer, string, string][] = [
    ["an HTML file renamed .jpg", htmlRenamedJpg, "unsupported_media", "fileUnsupported"],
    ["an SVG with a script", svgWithScript, "unsupported_media", "fileUnsupported"],
    ["a PNG declaring 20000x20000 pixels", () => pngDeclaring(20000, 20000), "too_large", "fileTooManyPixels"],
    ["a truncated JPEG", truncatedJpeg, "invalid", "fileUnreadable"],
    ["an empty file", emptyFile, "invalid", "fileEmpty"],
  ];
  it.each(cases)("%s", async (_name, make, code, key) => {
    const before = await db.media.count({ where: { ownerId: owner.id } });
    const err = await refusal(upload(await make()));
    expect({ code: err.code, key: err.messageKey, field: err.field }).toEqual({ code, key, field: "file" });
    expect(await db.media.count({ where: { ownerId: owner.id } })).toBe(before);
    expect(await storedKeys()).toEqual([]);
    expect(readdirSync(spoolRoot)).toEqual([]);
  });

  it("an audio file offered as an image", async () => {
    const err = await refusal(upload(Buffer.from("ID3\x04\x00\x00\x00\x00\x00\x00" + "x".repeat(4000), "binary")));
    expect(err.messageKey).toBe("fileUnsupported");
    expect(await storedKeys()).toEqual([]);
  });

  it("a declared size over the limit: 413 before a single byte is read", async () => {
    let pulled = 0;
    const body = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(64 * 1024));
      },
    });
    const err = await refusal(upload(body, { declaredBytes: MEDIA_LIMITS.image + 1 }));
    expect(err.code).toBe("too_large");
    expect(pulled).toBe(0);
    body.destroy();
  });

  it("an undeclared body over the limit is cut off as soon as it passes it", async () => {
    let sent = 0;
    const chunk = Buffer.alloc(1024 * 1024, 0xff);
    const body = new Readable({
      read() {
        sent += chunk.length;
        this.push(sent > 10 * MEDIA_LIMITS.image ? null : chunk);
      },
    });
    const err = await refusal(upload(body, { declaredBytes: null }));
    expect(err.code).toBe("too_large");
    expect(err.messageKey).toBe("fileTooLarge");
    // Stopped near the limit, not at the end of the 200 MB stream.
    expect(sent).toBeLessThan(MEDIA_LIMITS.image + 8 * chunk.length);
    expect(await storedKeys()).toEqual([]);
    expect(readdirSync(spoolRoot)).toEqual([]);
  });
});

describe("accepted uploads", () => {
  it("a JPEG with HTML appended is stored only as the re-encoded image", async () => {
    const res = await upload(await jpegWithHtmlAppended());
    await processMedia(res.media.id);
    const m = await db.media.findUniqueOrThrow({ where: { id: res.media.id } });
    expect(m.status).toBe("READY");
    expect(m.variants.sort()).toEqual(["display", "original", "thumb"]);
    const keys = await storedKeys();
    expect(keys.filter((k) => k.includes(m.key)).sort()).toEqual(["display", "original", "thumb"].map((v) => `m/${m.key}/${v}`));
    expect(m.mime).toBe("image/jpeg");
    for (const variant of ["original", "display", "thumb"]) {
      const obj = await storage().get(`m/${m.key}/${variant}`);
      const chunks: Buffer[] = [];
      for await (const c of obj!.body) chunks.push(c as Buffer);
      const bytes = Buffer.concat(chunks);
      if (variant === "original") {
        // A fresh JPEG that ends where the image ends: nothing after its EOI marker.
        expect(bytes.subarray(0, 2).toString("hex")).toBe("ffd8");
        expect(bytes.subarray(-2).toString("hex")).toBe("ffd9");
      } else {
        expect(bytes.subarray(8, 12).toString("latin1")).toBe("WEBP");
      }
      expect(bytes.toString("latin1")).not.toMatch(/<html|<script/i);
    }
  });

  it("a file name with ../ and right-to-left overrides is only ever a label", async () => {
    const res = await upload(await jpeg({ width: 64, height: 48 }), { fileName: "../../etc/\u202Egpj.exe" });
    const m = await db.media.findUniqueOrThrow({ where: { id: res.media.id } });
    expect(m.fileName).toBe("gpj.exe");
    expect(m.key).toMatch(/^[0-9a-f-]{36}$/);
    expect((await storedKeys()).every((k) => /^m\/[0-9a-f-]{36}\/[a-z]+$/.test(k))).toBe(true);
  });

  it("the same client key twice (double-click, retry) makes one upload", async () => {
    const clientKey = randomUUID();
    const bytes = await jpeg({ width: 32, height: 32 });
    const [a, b] = await Promise.all([upload(bytes, { clientKey }), upload(bytes, { clientKey })]);
    const c = await upload(bytes, { clientKey });
    expect(new Set([a.media.id, b.media.id, c.media.id]).size).toBe(1);
    expect(await db.media.count({ where: { ownerId: owner.id, clientKey } })).toBe(1);
    const m = await db.media.findUniqueOrThrow({ where: { id: a.media.id } });
    expect((await storedKeys()).filter((k) => k.startsWith("tmp/"))).toEqual([]);
    expect(await storage().stat(`m/${m.key}/upload`)).not.toBeNull();
  });

  it("GPS and other metadata never reach the stored files", async () => {
    const res = await upload(await jpeg({ width: 300, height: 200 }));
    await processMedia(res.media.id);
    const m = await db.media.findUniqueOrThrow({ where: { id: res.media.id } });
    for (const variant of ["original", "display", "thumb"]) {
      const obj = await storage().get(`m/${m.key}/${variant}`);
      const chunks: Buffer[] = [];
      for await (const c of obj!.body) chunks.push(c as Buffer);
      const meta = await sharp(Buffer.concat(chunks)).metadata();
      expect(meta.exif).toBeUndefined();
    }
  });
});

describe("faults", () => {
  it("a storage write that fails leaves no row and no file", async () => {
    const real = storage();
    const failing: Storage = {
      put: async () => {
        throw new Error("disk full");
      },
      get: real.get.bind(real),
      stat: real.stat.bind(real),
      delete: real.delete.bind(real),
      move: real.move.bind(real),
      list: real.list.bind(real),
    };
    const before = await db.media.count({ where: { ownerId: owner.id } });
    const keysBefore = await storedKeys();
    setStorageForTests(failing);
    try {
      await expect(upload(await jpeg({ width: 40, height: 40 }))).rejects.toThrow("disk full");
    } finally {
      setStorageForTests(real);
    }
    expect(await db.media.count({ where: { ownerId: owner.id } })).toBe(before);
    expect(await storedKeys()).toEqual(keysBefore);
    expect(readdirSync(spoolRoot)).toEqual([]);
  });
});
