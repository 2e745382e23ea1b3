// A track's cover art, changed by its owner, on the real database and a
// temporary local storage: an uploaded image (through the same pipeline as
// every image) replaces the art from the file's tags, is served with the
// track's audience (hidden = missing, like the song), and replacing or
// removing it deletes the old cover's row and files, leaving nothing behind.
import { createReadStream, mkdtempSync } from "node:fs";
import { utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { runCleanup } from "@/server/media/cleanup";
import { processMedia } from "@/server/media/process-media";
import { readMedia } from "@/server/media/read-media";
import { uploadMedia } from "@/server/media/upload-media";
import { deletePost } from "@/server/posts/delete-post";
import { getPost } from "@/server/posts/get-post";
import { setPostAudience } from "@/server/posts/set-post-audience";
import { accessTo } from "@/server/privacy";
import { createRepost } from "@/server/reposts/create-repost";
import { setStorageForTests, storage } from "@/server/storage";
import { LocalDiskStorage } from "@/server/storage/local-disk";
import type { SignedInViewer } from "@/server/auth/viewer";
import { removeTrackCoverSchema, setTrackCoverSchema } from "@/lib/validation/music";
import { setAudienceSchema } from "@/lib/validation/post";
import { createRepostSchema } from "@/lib/validation/repost";
import { buildItem } from "@/test/content-factories";
import { appErrorOf, expectLikeMissing } from "@/test/errors";
import { befriend, buildUser } from "@/test/factories";
import { fixturePath, jpeg } from "@/test/media-fixtures";
import { listBackgroundMusic } from "./list-background-music";
import { setBackgroundMusic } from "./set-background-music";
import { removeTrackCover, setTrackCover } from "./set-track-cover";

let root: string;
beforeAll(() => {
  process.env.UPLOAD_SPOOL_DIR = mkdtempSync(path.join(tmpdir(), "kj-cover-spool-"));
  root = mkdtempSync(path.join(tmpdir(), "kj-cover-store-"));
  setStorageForTests(new LocalDiskStorage(root));
});
afterAll(() => setStorageForTests(null));

const MISSING_POST = 2147483000;
const MISSING_MEDIA = 2147483000;
const DAY = 24 * 60 * 60 * 1000;
// Other test files share the database and run their own cleanup: ours runs
// "five days ago", so it only touches rows aged further back on purpose (this
// file's), never another file's day-old leftovers.
const CLEANUP_AT = Date.now() - 5 * DAY;
const AGED = new Date(CLEANUP_AT - 5 * DAY);
const IMAGE_FILES = ["original", "display", "thumb", "upload"];

/** An image uploaded for a track's cover, processed as the job would (unless `process` is false). */
async function uploadCover(viewer: SignedInViewer, { process = true } = {}) {
  const body = await jpeg({ width: 300, height: 300 });
  const up = await uploadMedia(viewer, { purpose: "track-cover", body: Readable.from([body]), declaredBytes: body.length, fileName: "cover.jpg", clientKey: randomUUID() });
  if (process) await processMedia(up.media.id);
  return up.media.id;
}

const setCover = (viewer: SignedInViewer, postId: number, mediaId: number) => setTrackCover(viewer, setTrackCoverSchema.parse({ postId, mediaId }));
const removeCover = (viewer: SignedInViewer, postId: number) => removeTrackCover(viewer, removeTrackCoverSchema.parse({ postId }));
const read = (viewer: SignedInViewer | null, mediaId: number, variant = "thumb") => readMedia(viewer, { mediaId, variant, range: null, ifNoneMatch: null });
const keyOf = async (mediaId: number) => (await db.media.findUniqueOrThrow({ where: { id: mediaId } })).key;
/** Which of a media key's files are still in storage. */
async function filesOf(key: string, variants: string[]) {
  const present = await Promise.all(variants.map(async (v) => ((await storage().stat(`m/${key}/${v}`)) ? v : null)));
  return present.filter(Boolean);
}

describe("changing a track's cover", () => {
  it("the owner's image replaces the art from the tags, served to friends of a friends-only track and to no one else", async () => {
    const [owner, friend, stranger] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    await befriend(owner, friend);
    const track = await buildItem(owner, "music", "FRIENDS");
    const song = track.media[0]!;
    expect(song.variants).toContain("cover"); // tone-cover.mp3 has embedded art
    const songKey = await keyOf(song.id);

    const cover = await uploadCover(owner);
    const post = await setCover(owner, track.postId, cover);
    expect(post.attachment).toMatchObject({ kind: "music", cover: `/media/${cover}/thumb` });
    expect((await getPost(friend, { postId: track.postId })).attachment).toMatchObject({ cover: `/media/${cover}/thumb` });

    // Served like the song: the friend gets the bytes, a stranger and anonymous get exactly a missing file's 404.
    expect((await read(friend, cover)).status).toBe(200);
    await expectLikeMissing(read(stranger, cover), read(stranger, MISSING_MEDIA));
    await expectLikeMissing(read(null, cover), read(null, MISSING_MEDIA));

    // The embedded art is gone: no longer listed, its file deleted, its URL missing.
    expect((await db.media.findUniqueOrThrow({ where: { id: song.id } })).variants).toEqual(["original"]);
    expect(await filesOf(songKey, ["cover", "original"])).toEqual(["original"]);
    await expect(read(owner, song.id, "cover")).rejects.toMatchObject({ code: "not_found" });

    // It follows the post when its audience narrows, exactly like the song.
    await setPostAudience(owner, setAudienceSchema.parse({ postId: track.postId, audience: "ONLY_ME" }));
    await expectLikeMissing(read(friend, cover), read(friend, MISSING_MEDIA));
    await expectLikeMissing(read(friend, song.id, "original"), read(friend, MISSING_MEDIA, "original"));
    expect((await read(owner, cover)).status).toBe(200);
    await setPostAudience(owner, setAudienceSchema.parse({ postId: track.postId, audience: "FRIENDS" }));

    // The mini-player shows the new cover too.
    await setBackgroundMusic(owner, { postId: track.postId, on: true });
    const [bgm] = await listBackgroundMusic(friend, { ownerId: owner.id, access: await accessTo(friend, owner.id) });
    expect(bgm).toMatchObject({ id: String(track.postId), cover: `/media/${cover}/thumb` });
  });

  it("a new image replaces the previous one, whose row and files are deleted; removing leaves no cover and nothing behind", async () => {
    const owner = await buildUser();
    const track = await buildItem(owner, "music", "PUBLIC");
    const first = await uploadCover(owner);
    await setCover(owner, track.postId, first);
    const firstKey = await keyOf(first);
    expect(await filesOf(firstKey, IMAGE_FILES)).toEqual(["original", "display", "thumb"]);

    const second = await uploadCover(owner);
    expect((await setCover(owner, track.postId, second)).attachment).toMatchObject({ cover: `/media/${second}/thumb` });
    // The same request again (a double-click) changes nothing.
    expect((await setCover(owner, track.postId, second)).attachment).toMatchObject({ cover: `/media/${second}/thumb` });
    expect(await db.media.findUnique({ where: { id: first } })).toBeNull();
    expect(await filesOf(firstKey, IMAGE_FILES)).toEqual([]);

    const secondKey = await keyOf(second);
    const removed = await removeCover(owner, track.postId);
    expect(removed.attachment).toMatchObject({ kind: "music", cover: null });
    expect((await getPost(null, { postId: track.postId })).attachment).toMatchObject({ cover: null });
    expect(await db.media.findUnique({ where: { id: second } })).toBeNull();
    expect(await filesOf(secondKey, IMAGE_FILES)).toEqual([]);
    expect((await db.track.findUniqueOrThrow({ where: { postId: track.postId } })).coverMediaId).toBeNull();
    // Only the song is left of this track's media.
    expect(await db.media.findMany({ where: { ownerId: owner.id }, select: { id: true } })).toEqual([{ id: track.media[0]!.id }]);
    // Removing again is harmless.
    expect((await removeCover(owner, track.postId)).attachment).toMatchObject({ cover: null });
  });

  it("removing the art from the tags deletes that file; the card shows the neutral placeholder", async () => {
    const owner = await buildUser();
    const track = await buildItem(owner, "music", "PUBLIC");
    const songKey = await keyOf(track.media[0]!.id);
    expect((await removeCover(owner, track.postId)).attachment).toMatchObject({ cover: null });
    expect(await filesOf(songKey, ["cover", "original"])).toEqual(["original"]);
  });

  it("someone else's track is refused exactly like a missing one, and nothing changes", async () => {
    const [owner, mallory] = await Promise.all([buildUser(), buildUser()]);
    const track = await buildItem(owner, "music", "PUBLIC");
    const theirs = await uploadCover(mallory);
    await expectLikeMissing(setCover(mallory, track.postId, theirs), setCover(mallory, MISSING_POST, theirs));
    await expectLikeMissing(removeCover(mallory, track.postId), removeCover(mallory, MISSING_POST));
    // Nor may the owner use someone else's image.
    await expectLikeMissing(setCover(owner, track.postId, theirs), setCover(owner, track.postId, MISSING_MEDIA));
    expect(await db.media.findUniqueOrThrow({ where: { id: theirs } })).toMatchObject({ postId: null });
    expect(await db.track.findUniqueOrThrow({ where: { postId: track.postId } })).toMatchObject({ coverMediaId: null });
    expect((await db.media.findUniqueOrThrow({ where: { id: track.media[0]!.id } })).variants).toContain("cover");
  });

  it("a non-image file is refused at upload, and an upload for another purpose cannot be a cover", async () => {
    const owner = await buildUser();
    const track = await buildItem(owner, "music", "PUBLIC");
    const mp3 = await appErrorOf(
      uploadMedia(owner, { purpose: "track-cover", body: createReadStream(fixturePath("tone.mp3")), declaredBytes: null, fileName: "cover.jpg", clientKey: randomUUID() }),
    );
    expect(mp3).toMatchObject({ code: "unsupported_media", messageKey: "fileUnsupported" });
    const html = await appErrorOf(
      uploadMedia(owner, { purpose: "track-cover", body: Readable.from([Buffer.from("<html><script>alert(1)</script></html>")]), declaredBytes: null, fileName: "x.jpg", clientKey: randomUUID() }),
    );
    expect(html.messageKey).toBe("fileUnsupported");
    expect(await db.media.count({ where: { ownerId: owner.id, purpose: "track-cover" } })).toBe(0);

    const body = await jpeg({ width: 40, height: 40 });
    const photoForBlog = await uploadMedia(owner, { purpose: "inline", body: Readable.from([body]), declaredBytes: body.length, fileName: "a.jpg", clientKey: randomUUID() });
    await processMedia(photoForBlog.media.id);
    expect(await appErrorOf(setCover(owner, track.postId, photoForBlog.media.id))).toMatchObject({ code: "invalid", messageKey: "mediaWrongKind" });
    // The song itself is not an image either.
    expect((await appErrorOf(setCover(owner, track.postId, track.media[0]!.id))).messageKey).toBe("mediaWrongKind");
  });

  it("waits for the image and the song to be processed, and an image already in use cannot be reused", async () => {
    const owner = await buildUser();
    const track = await buildItem(owner, "music", "PUBLIC");
    const pending = await uploadCover(owner, { process: false });
    expect((await appErrorOf(setCover(owner, track.postId, pending))).messageKey).toBe("trackCoverNotReady");
    await processMedia(pending);
    await setCover(owner, track.postId, pending);
    const other = await buildItem(owner, "music", "PUBLIC");
    expect((await appErrorOf(setCover(owner, other.postId, pending))).messageKey).toBe("mediaAlreadyUsed");

    // A song still processing: the job would bring the art from the tags back.
    await db.media.update({ where: { id: other.media[0]!.id }, data: { status: "PROCESSING" } });
    expect((await appErrorOf(removeCover(owner, other.postId))).messageKey).toBe("trackCoverSongNotReady");
  });

  it("the cleanup keeps an attached cover however old, and removes a cover image never attached", async () => {
    const owner = await buildUser();
    const track = await buildItem(owner, "music", "PUBLIC");
    const used = await uploadCover(owner);
    await setCover(owner, track.postId, used);
    const abandoned = await uploadCover(owner);
    await db.media.updateMany({ where: { id: { in: [used, abandoned] } }, data: { createdAt: AGED } });
    await runCleanup({ now: CLEANUP_AT });
    expect(await db.media.findUnique({ where: { id: used } })).not.toBeNull();
    expect(await db.media.findUnique({ where: { id: abandoned } })).toBeNull();
    expect((await read(null, used)).status).toBe(200);
  });

  it("the cleanup removes the art from the tags if its file outlived the change (a crash after the commit)", async () => {
    const owner = await buildUser();
    const track = await buildItem(owner, "music", "PUBLIC");
    const songKey = await keyOf(track.media[0]!.id);
    const real = storage();
    // The file removal after the commit fails, as if the process had died.
    setStorageForTests({ ...bind(real), delete: async (key) => (key.endsWith("/cover") ? Promise.reject(new Error("storage down")) : real.delete(key)) });
    try {
      await removeCover(owner, track.postId);
    } finally {
      setStorageForTests(real);
    }
    expect(await filesOf(songKey, ["cover"])).toEqual(["cover"]);
    for (const v of ["cover", "original"]) await utimes(path.join(root, `m/${songKey}/${v}`), AGED, AGED);
    await runCleanup({ now: CLEANUP_AT });
    expect(await filesOf(songKey, ["cover", "original"])).toEqual(["original"]);
  });

  it("deleting the track deletes its cover image, row and files", async () => {
    const owner = await buildUser();
    const track = await buildItem(owner, "music", "PUBLIC");
    const cover = await uploadCover(owner);
    await setCover(owner, track.postId, cover);
    const key = await keyOf(cover);
    await deletePost(owner, { postId: track.postId });
    expect(await db.media.findUnique({ where: { id: cover } })).toBeNull();
    expect(await filesOf(key, IMAGE_FILES)).toEqual([]);
  });

  it("a repost of the track embeds the new cover", async () => {
    const [owner, friend] = await Promise.all([buildUser(), buildUser()]);
    await befriend(owner, friend);
    const track = await buildItem(owner, "music", "PUBLIC");
    const cover = await uploadCover(owner);
    await setCover(owner, track.postId, cover);
    const repost = await createRepost(friend, createRepostSchema.parse({ postId: track.postId, audience: "PUBLIC" }));
    expect(repost.attachment).toMatchObject({ kind: "repost", original: { thumb: `/media/${cover}/thumb` } });
    await removeCover(owner, track.postId);
    expect((await getPost(null, { postId: Number(repost.id) })).attachment).toMatchObject({ original: { thumb: null } });
  });
});

function bind(s: ReturnType<typeof storage>): ReturnType<typeof storage> {
  return { put: s.put.bind(s), get: s.get.bind(s), stat: s.stat.bind(s), delete: s.delete.bind(s), move: s.move.bind(s), list: s.list.bind(s) };
}
