// Avatar and space cover through the real pipeline (upload -> job -> adopt),
// on the real database with a throwaway storage folder: the crop is applied,
// a new image replaces (and deletes) the old one, the current one is public
// while unattached or processing ones are not, and removal touches only the
// viewer's own profile.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { processMedia } from "@/server/media/process-media";
import { uploadMedia } from "@/server/media/upload-media";
import { assertCanViewMedia } from "@/server/privacy";
import { listFriendsPage } from "@/server/social/list-friends";
import { setStorageForTests, storage } from "@/server/storage";
import { LocalDiskStorage } from "@/server/storage/local-disk";
import { searchUsers } from "@/server/users/search-users";
import { removeProfileImageSchema } from "@/lib/validation/profile-media";
import { befriend, buildUser } from "@/test/factories";
import { removeAvatar } from "./remove-avatar";
import { removeCover } from "./remove-cover";

beforeAll(() => {
  process.env.UPLOAD_SPOOL_DIR = mkdtempSync(path.join(tmpdir(), "kj-avatar-spool-"));
  setStorageForTests(new LocalDiskStorage(mkdtempSync(path.join(tmpdir(), "kj-avatar-store-"))));
});
afterAll(() => setStorageForTests(null));

/** 600x400: the left half red, the right half blue. */
async function halves(): Promise<Buffer> {
  const blue = await sharp({ create: { width: 300, height: 400, channels: 3, background: { r: 0, g: 0, b: 255 } } }).png().toBuffer();
  return sharp({ create: { width: 600, height: 400, channels: 3, background: { r: 255, g: 0, b: 0 } } })
    .composite([{ input: blue, left: 300, top: 0 }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

async function upload(viewer: SignedInViewer, purpose: "avatar" | "cover", bytes: Buffer, crop?: { left: number; top: number; size: number }) {
  const res = await uploadMedia(viewer, { purpose, body: Readable.from(bytes), declaredBytes: bytes.length, fileName: `${purpose}.jpg`, clientKey: randomUUID(), crop });
  return res.media.id;
}

async function readStored(key: string, variant: string): Promise<Buffer | null> {
  const obj = await storage().get(`m/${key}/${variant}`);
  if (!obj) return null;
  const chunks: Buffer[] = [];
  for await (const c of obj.body) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Share of pixels that are clearly red (vs blue), and the image's size. */
async function redShare(image: Buffer) {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let red = 0;
  for (let i = 0; i < data.length; i += 3) if (data[i]! > 150 && data[i + 2]! < 100) red++;
  return { share: red / (info.width * info.height), width: info.width, height: info.height };
}

const keyOf = async (id: number) => (await db.media.findUniqueOrThrow({ where: { id }, select: { key: true } })).key;
const profile = (id: number) => db.user.findUniqueOrThrow({ where: { id }, select: { avatarMediaId: true, coverMediaId: true } });
const hidden = (p: Promise<unknown>) => expect(p).rejects.toMatchObject({ code: "not_found" });

describe("avatar", () => {
  it("is cropped to the chosen square, adopted when ready, public, and replaces the previous one", async () => {
    const a = await buildUser();
    const first = await upload(a, "avatar", await halves(), { left: 0, top: 0, size: 0.6667 });

    // Processing (and not yet anyone's avatar): its owner's alone.
    expect((await profile(a.id)).avatarMediaId).toBeNull();
    await hidden(assertCanViewMedia(null, first));
    await expect(assertCanViewMedia(a, first)).resolves.toMatchObject({ id: first });

    await processMedia(first);
    expect((await profile(a.id)).avatarMediaId).toBe(first);
    const firstKey = await keyOf(first);
    const thumb = await readStored(firstKey, "thumb");
    expect(thumb).not.toBeNull();
    const shot = await redShare(thumb!);
    expect(shot.width).toBe(shot.height);
    // The centred square would be half red: the left-hand crop must be mostly red.
    expect(shot.share).toBeGreaterThan(0.7);
    await expect(assertCanViewMedia(null, first)).resolves.toMatchObject({ id: first });

    // A second avatar: the first's row and files go.
    const second = await upload(a, "avatar", await halves(), { left: 0.5, top: 0, size: 0.5 });
    await hidden(assertCanViewMedia(null, second)); // unattached until processed
    await processMedia(second);
    expect((await profile(a.id)).avatarMediaId).toBe(second);
    expect(await db.media.findUnique({ where: { id: first } })).toBeNull();
    for (const v of ["original", "display", "thumb", "upload"]) expect(await readStored(firstKey, v)).toBeNull();
    await hidden(assertCanViewMedia(null, first));
    const blueThumb = await redShare((await readStored(await keyOf(second), "thumb"))!);
    expect(blueThumb.share).toBeLessThan(0.1); // the right-hand square is blue
  });

  it("shows in friend lists and search results", async () => {
    const [a, b] = [await buildUser(), await buildUser()];
    await befriend(a, b);
    const id = await upload(a, "avatar", await halves(), { left: 0, top: 0, size: 0.5 });
    expect((await listFriendsPage(b)).friends.find((p) => p.id === a.id)?.avatarUrl).toBeNull();
    await processMedia(id);
    expect((await listFriendsPage(b)).friends.find((p) => p.id === a.id)?.avatarUrl).toBe(`/media/${id}/thumb`);
    expect((await searchUsers(b, a.handle)).find((p) => p.id === a.id)?.avatarUrl).toBe(`/media/${id}/thumb`);
  });

  it("remove clears it and deletes it, and only ever touches the viewer's own profile", async () => {
    const [a, b] = [await buildUser(), await buildUser()];
    const mine = await upload(a, "avatar", await halves(), { left: 0, top: 0, size: 0.6667 });
    const theirs = await upload(b, "avatar", await halves(), { left: 0, top: 0, size: 0.6667 });
    await processMedia(mine);
    await processMedia(theirs);
    const mineKey = await keyOf(mine);

    // The action's input names nobody: a forged user id is refused outright.
    expect(removeProfileImageSchema.safeParse({ userId: b.id }).success).toBe(false);
    expect(removeProfileImageSchema.safeParse({ mediaId: theirs }).success).toBe(false);

    await removeAvatar(a);
    expect((await profile(a.id)).avatarMediaId).toBeNull();
    expect(await db.media.findUnique({ where: { id: mine } })).toBeNull();
    expect(await readStored(mineKey, "thumb")).toBeNull();
    await hidden(assertCanViewMedia(null, mine));

    expect((await profile(b.id)).avatarMediaId).toBe(theirs);
    await expect(assertCanViewMedia(null, theirs)).resolves.toMatchObject({ id: theirs });

    await removeAvatar(a); // nothing left to remove: still fine
    expect((await profile(b.id)).avatarMediaId).toBe(theirs);
  });
});

describe("space cover", () => {
  it("is adopted when ready, public, replaced, and removable", async () => {
    const a = await buildUser();
    const first = await upload(a, "cover", await halves());
    await hidden(assertCanViewMedia(null, first));
    await processMedia(first);
    expect(await profile(a.id)).toEqual({ avatarMediaId: null, coverMediaId: first });
    expect(await readStored(await keyOf(first), "display")).not.toBeNull();
    await expect(assertCanViewMedia(null, first)).resolves.toMatchObject({ id: first });

    const second = await upload(a, "cover", await halves());
    await processMedia(second);
    expect((await profile(a.id)).coverMediaId).toBe(second);
    expect(await db.media.findUnique({ where: { id: first } })).toBeNull();

    await removeCover(a);
    expect((await profile(a.id)).coverMediaId).toBeNull();
    expect(await db.media.findUnique({ where: { id: second } })).toBeNull();
    await hidden(assertCanViewMedia(null, second));
  });
});
