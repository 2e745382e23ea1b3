// Music end to end on the real database and a temporary local storage: an
// uploaded mp3 (tags read by the server) becomes a track, only the uploader's
// own unattached audio can be published, a retry makes one item, the song's
// file follows the post's audience, and the background music a visitor hears
// is exactly the tracks the privacy module lets them see.
import { createReadStream, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { processMedia } from "@/server/media/process-media";
import { uploadMedia } from "@/server/media/upload-media";
import { getPost } from "@/server/posts/get-post";
import { assertCanViewMedia, accessTo } from "@/server/privacy";
import { setStorageForTests } from "@/server/storage";
import { LocalDiskStorage } from "@/server/storage/local-disk";
import type { SignedInViewer } from "@/server/auth/viewer";
import { createTrackSchema, setBackgroundMusicSchema, updateTrackSchema } from "@/lib/validation/music";
import { befriend, buildUser } from "@/test/factories";
import { fixturePath } from "@/test/media-fixtures";
import { createTrack } from "./create-track";
import { listBackgroundMusic } from "./list-background-music";
import { setBackgroundMusic } from "./set-background-music";
import { updateTrack } from "./update-track";

beforeAll(() => {
  process.env.UPLOAD_SPOOL_DIR = mkdtempSync(path.join(tmpdir(), "kj-music-spool-"));
  setStorageForTests(new LocalDiskStorage(mkdtempSync(path.join(tmpdir(), "kj-music-store-"))));
});
afterAll(() => setStorageForTests(null));

/** Uploads a fixture as the request handler would; `process` runs the job like the worker does. */
async function uploadSong(viewer: SignedInViewer, { file = "tone.mp3", purpose = "audio" as const, process = true } = {}) {
  const res = await uploadMedia(viewer, { purpose, body: createReadStream(fixturePath(file)), declaredBytes: null, fileName: file, clientKey: randomUUID() });
  if (process) await processMedia(res.media.id);
  return res;
}

const publish = (viewer: SignedInViewer, raw: Record<string, unknown>) => createTrack(viewer, createTrackSchema.parse(raw));

async function failure(work: Promise<unknown>): Promise<AppError> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("createTrack", () => {
  it("publishes an uploaded mp3 as a READY music post with its tags", async () => {
    const me = await buildUser();
    await db.feedState.create({ data: { userId: me.id } }); // an inbox, as after a first feed read
    const up = await uploadSong(me);
    expect(up.tags).toMatchObject({ title: "Test Tone", artist: "Kongjian Band" });
    expect(up.tags!.durationMs).toBeGreaterThan(0);

    const post = await publish(me, { mediaId: up.media.id, title: up.tags!.title, artist: up.tags!.artist, album: "Demos", description: "first song", audience: "PUBLIC" });
    expect(post).toMatchObject({ kind: "music", title: "Test Tone", body: "first song", audience: "PUBLIC", state: "READY", mine: true });

    const seen = await getPost(null, { postId: Number(post.id) });
    expect(seen.attachment).toMatchObject({
      kind: "music",
      artist: "Kongjian Band",
      albumName: "Demos",
      durationMs: up.tags!.durationMs,
      src: `/media/${up.media.id}/original`,
      mime: "audio/mpeg",
      bgm: false,
    });
    const media = await db.media.findUniqueOrThrow({ where: { id: up.media.id } });
    expect(media.postId).toBe(Number(post.id));
    // The author sees it at once in their own feed inbox.
    expect(await db.feedEntry.count({ where: { userId: me.id, postId: Number(post.id) } })).toBe(1);
  });

  it("stays PROCESSING while the job has not run, and follows the job when it does", async () => {
    const me = await buildUser();
    const up = await uploadSong(me, { process: false });
    const post = await publish(me, { mediaId: up.media.id, title: "Later" });
    expect(post.state).toBe("PROCESSING");
    await processMedia(up.media.id);
    expect((await getPost(me, { postId: Number(post.id) })).state).toBe("READY");
  });

  it("keeps the cover art made by the job", async () => {
    const me = await buildUser();
    const up = await uploadSong(me, { file: "tone-cover.mp3" });
    const post = await publish(me, { mediaId: up.media.id, title: "With cover" });
    expect(post.attachment).toMatchObject({ kind: "music", cover: `/media/${up.media.id}/cover` });
  });

  it("refuses someone else's media exactly like a missing one, and creates nothing", async () => {
    const [alice, mallory] = await Promise.all([buildUser(), buildUser()]);
    const up = await uploadSong(alice);
    const err = await failure(publish(mallory, { mediaId: up.media.id, title: "Stolen" }));
    expect(err.code).toBe("not_found");
    const missing = await failure(publish(mallory, { mediaId: 2147483000, title: "Nothing" }));
    expect(missing.messageKey).toBe(err.messageKey);
    expect(await db.post.count({ where: { authorId: mallory.id } })).toBe(0);
    expect((await db.media.findUniqueOrThrow({ where: { id: up.media.id } })).postId).toBeNull();
  });

  it("refuses a file uploaded for another purpose, and one already published", async () => {
    const me = await buildUser();
    const video = await uploadSong(me, { file: "clip.mp4", purpose: "video" as never, process: false });
    expect((await failure(publish(me, { mediaId: video.media.id, title: "Not a song" }))).messageKey).toBe("mediaWrongKind");
    const up = await uploadSong(me);
    await publish(me, { mediaId: up.media.id, title: "Once" });
    expect((await failure(publish(me, { mediaId: up.media.id, title: "Twice" }))).messageKey).toBe("mediaAlreadyUsed");
    expect(await db.post.count({ where: { authorId: me.id } })).toBe(1);
  });

  it("with the same clientKey twice (also at once) creates one post", async () => {
    const me = await buildUser();
    const up = await uploadSong(me);
    const clientKey = randomUUID();
    const [a, b] = await Promise.all([
      publish(me, { mediaId: up.media.id, title: "Tap", clientKey }),
      publish(me, { mediaId: up.media.id, title: "Tap again", clientKey }),
    ]);
    const c = await publish(me, { mediaId: up.media.id, title: "Retry", clientKey });
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    expect(await db.post.count({ where: { authorId: me.id } })).toBe(1);
    expect(await db.track.count({ where: { authorId: me.id } })).toBe(1);
  });

  it("validates the form: title required and at most 100 characters, strict fields", () => {
    const issue = (raw: unknown) => createTrackSchema.safeParse(raw).error?.issues.map((i) => i.message);
    expect(issue({ mediaId: 1, title: "   " })).toEqual(["trackTitleRequired"]);
    expect(issue({ mediaId: 1, title: "x".repeat(101) })).toEqual(["trackTitleTooLong"]);
    expect(issue({ mediaId: 1, title: "ok", artist: "a".repeat(101) })).toEqual(["trackArtistTooLong"]);
    expect(issue({ mediaId: 1, title: "ok", authorId: 5 })).toBeDefined();
    expect(createTrackSchema.parse({ mediaId: "3", title: " 歌 " })).toMatchObject({ mediaId: 3, title: "歌", artist: "", album: "", description: "", audience: "FRIENDS" });
  });
});

describe("privacy of a track's file", () => {
  it("a FRIENDS track's audio is not_found for a stranger and allowed for a friend", async () => {
    const [owner, friend, stranger] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    await befriend(owner, friend);
    const up = await uploadSong(owner);
    // Before it is published the file is its owner's alone.
    await expect(assertCanViewMedia(friend, up.media.id)).rejects.toMatchObject({ code: "not_found" });
    await publish(owner, { mediaId: up.media.id, title: "Friends only", audience: "FRIENDS" });
    await expect(assertCanViewMedia(friend, up.media.id)).resolves.toMatchObject({ id: up.media.id });
    await expect(assertCanViewMedia(stranger, up.media.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(assertCanViewMedia(null, up.media.id)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("updateTrack", () => {
  it("lets the owner edit title, artist and album; anyone else gets not_found", async () => {
    const [me, other] = await Promise.all([buildUser(), buildUser()]);
    const post = await publish(me, { mediaId: (await uploadSong(me)).media.id, title: "Old" });
    const input = updateTrackSchema.parse({ postId: post.id, title: "New", artist: "Me", album: "B-sides" });
    await expect(updateTrack(other, input)).rejects.toMatchObject({ code: "not_found" });
    const edited = await updateTrack(me, input);
    expect(edited).toMatchObject({ title: "New", attachment: { artist: "Me", albumName: "B-sides" } });
    expect(edited.editedAt).not.toBeNull();
  });
});

describe("background music", () => {
  const toggle = (viewer: SignedInViewer, postId: string, on: boolean) => setBackgroundMusic(viewer, setBackgroundMusicSchema.parse({ postId, on }));

  it("plays the owner's chosen tracks in the order chosen, only those the visitor may see", async () => {
    const [owner, friend, stranger] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    await befriend(owner, friend);
    const make = async (title: string, audience: string) => publish(owner, { mediaId: (await uploadSong(owner)).media.id, title, audience });
    const pub = await make("Public song", "PUBLIC");
    const friends = await make("Friends song", "FRIENDS");
    const mine = await make("My song", "ONLY_ME");
    const notBgm = await make("Not background", "PUBLIC");
    await toggle(owner, friends.id, true);
    await toggle(owner, mine.id, true);
    await toggle(owner, pub.id, true);
    await toggle(owner, pub.id, true); // already on: keeps its place
    void notBgm;

    const list = async (viewer: SignedInViewer | null) =>
      (await listBackgroundMusic(viewer, { ownerId: owner.id, access: await accessTo(viewer, owner.id) })).map((t) => t.title);
    expect(await list(owner)).toEqual(["Friends song", "My song", "Public song"]);
    expect(await list(friend)).toEqual(["Friends song", "Public song"]);
    expect(await list(stranger)).toEqual(["Public song"]);
    expect(await list(null)).toEqual(["Public song"]);

    const [first] = await listBackgroundMusic(friend, { ownerId: owner.id, access: await accessTo(friend, owner.id) });
    expect(first).toMatchObject({ id: friends.id, artist: "", mime: "audio/mpeg", src: expect.stringMatching(/^\/media\/\d+\/original$/) });

    await toggle(owner, friends.id, false);
    expect(await list(friend)).toEqual(["Public song"]);
    // Back in: it goes to the end.
    await toggle(owner, friends.id, true);
    expect(await list(owner)).toEqual(["My song", "Public song", "Friends song"]);
  });

  it("leaves out tracks still processing, and refuses someone else's track", async () => {
    const [owner, other] = await Promise.all([buildUser(), buildUser()]);
    const post = await publish(owner, { mediaId: (await uploadSong(owner, { process: false })).media.id, title: "Processing", audience: "PUBLIC" });
    await toggle(owner, post.id, true);
    expect(await listBackgroundMusic(owner, { ownerId: owner.id, access: await accessTo(owner, owner.id) })).toEqual([]);
    await expect(toggle(other, post.id, false)).rejects.toMatchObject({ code: "not_found" });
    expect((await db.track.findUniqueOrThrow({ where: { postId: Number(post.id) } })).bgm).toBe(true);
  });
});
