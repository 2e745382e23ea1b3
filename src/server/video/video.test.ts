// Video end to end on the real database and a temporary local storage: an
// uploaded mp4 becomes a video post that follows its file's processing
// (duration and poster frame with ffmpeg; without it, READY and no poster),
// with the same ownership, idempotency and privacy rules as every item.
import { createReadStream, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { processMedia } from "@/server/media/process-media";
import { uploadMedia } from "@/server/media/upload-media";
import { ffmpegAvailable } from "@/server/media/video";
import { getPost } from "@/server/posts/get-post";
import { assertCanViewMedia } from "@/server/privacy";
import { setStorageForTests } from "@/server/storage";
import { LocalDiskStorage } from "@/server/storage/local-disk";
import type { SignedInViewer } from "@/server/auth/viewer";
import { createVideoSchema, updateVideoSchema } from "@/lib/validation/video";
import { befriend, buildUser } from "@/test/factories";
import { fixturePath } from "@/test/media-fixtures";
import { createVideo } from "./create-video";
import { updateVideo } from "./update-video";

const MP4 = "clip.mp4";

beforeAll(() => {
  process.env.UPLOAD_SPOOL_DIR = mkdtempSync(path.join(tmpdir(), "kj-video-spool-"));
  setStorageForTests(new LocalDiskStorage(mkdtempSync(path.join(tmpdir(), "kj-video-store-"))));
});
afterAll(() => setStorageForTests(null));

const uploadClip = (viewer: SignedInViewer, file = MP4, purpose: "video" | "audio" = "video") =>
  uploadMedia(viewer, { purpose, body: createReadStream(fixturePath(file)), declaredBytes: null, fileName: file, clientKey: randomUUID() });

const publish = (viewer: SignedInViewer, raw: Record<string, unknown>) => createVideo(viewer, createVideoSchema.parse(raw));

describe("createVideo", () => {
  it("is PROCESSING until the job ran, then READY with duration and (with ffmpeg) a poster", async () => {
    const me = await buildUser();
    const up = await uploadClip(me);
    const post = await publish(me, { mediaId: up.media.id, title: "Holiday", description: "at the sea", audience: "PUBLIC" });
    expect(post).toMatchObject({ kind: "video", title: "Holiday", body: "at the sea", state: "PROCESSING" });
    // Nobody else sees it while it is processing.
    await expect(getPost(null, { postId: Number(post.id) })).rejects.toMatchObject({ code: "not_found" });

    await processMedia(up.media.id);
    const ready = await getPost(null, { postId: Number(post.id) });
    expect(ready.state).toBe("READY");
    expect(ready.attachment).toMatchObject({ kind: "video", mime: "video/mp4", src: `/media/${up.media.id}/original` });
    const a = ready.attachment!;
    if (a.kind !== "video") throw new Error("not a video");
    const media = await db.media.findUniqueOrThrow({ where: { id: up.media.id } });
    expect(media.postId).toBe(Number(post.id));
    if (await ffmpegAvailable()) {
      expect(a.durationMs).toBeGreaterThan(500);
      expect(a.poster).toBe(`/media/${up.media.id}/poster`);
      expect(media.variants).toContain("poster");
    } else {
      // Still playable; the player shows its neutral poster.
      expect(a.poster).toBeNull();
      expect(media.variants).not.toContain("poster");
    }
  });

  it("refuses someone else's upload like a missing one, an audio upload, and one already used", async () => {
    const [me, mallory] = await Promise.all([buildUser(), buildUser()]);
    const up = await uploadClip(me);
    await expect(publish(mallory, { mediaId: up.media.id, title: "Stolen" })).rejects.toMatchObject({ code: "not_found", messageKey: "notFound" });
    expect(await db.post.count({ where: { authorId: mallory.id } })).toBe(0);
    const song = await uploadClip(me, "tone.mp3", "audio");
    await expect(publish(me, { mediaId: song.media.id, title: "Song" })).rejects.toMatchObject({ code: "invalid", messageKey: "mediaWrongKind" });
    await publish(me, { mediaId: up.media.id, title: "Once" });
    await expect(publish(me, { mediaId: up.media.id, title: "Twice" })).rejects.toMatchObject({ messageKey: "mediaAlreadyUsed" });
    expect(await db.post.count({ where: { authorId: me.id } })).toBe(1);
  });

  it("with the same clientKey twice creates one video", async () => {
    const me = await buildUser();
    const up = await uploadClip(me);
    const clientKey = randomUUID();
    const first = await publish(me, { mediaId: up.media.id, title: "One", clientKey });
    const second = await publish(me, { mediaId: up.media.id, title: "One again", clientKey });
    expect(second.id).toBe(first.id);
    expect(await db.video.count({ where: { post: { authorId: me.id } } })).toBe(1);
  });

  it("a FRIENDS video's file is not_found for a stranger and allowed for a friend", async () => {
    const [owner, friend, stranger] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    await befriend(owner, friend);
    const up = await uploadClip(owner);
    await publish(owner, { mediaId: up.media.id, title: "Friends only" });
    await processMedia(up.media.id);
    await expect(assertCanViewMedia(friend, up.media.id)).resolves.toMatchObject({ id: up.media.id });
    await expect(assertCanViewMedia(stranger, up.media.id)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("updateVideo", () => {
  it("lets the owner change title and description; anyone else gets not_found", async () => {
    const [me, other] = await Promise.all([buildUser(), buildUser()]);
    const post = await publish(me, { mediaId: (await uploadClip(me)).media.id, title: "Old" });
    const input = updateVideoSchema.parse({ postId: post.id, title: "New title", description: "more" });
    await expect(updateVideo(other, input)).rejects.toMatchObject({ code: "not_found" });
    expect(await updateVideo(me, input)).toMatchObject({ title: "New title", body: "more" });
    expect(createVideoSchema.safeParse({ mediaId: 1, title: "" }).error?.issues[0]?.message).toBe("videoTitleRequired");
  });
});
