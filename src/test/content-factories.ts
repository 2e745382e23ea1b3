// Items of every kind for integration tests, made through the real upload
// pipeline (uploadMedia + processMedia, as the job would run it) so media
// rows, files and variants are exactly what the app produces.
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { randomUUID } from "node:crypto";
import { db } from "@/server/db";
import { fanOutPost } from "@/server/feed/fan-out";
import { deliverToSelf } from "@/server/feed/inbox";
import { processMedia } from "@/server/media/process-media";
import { refreshPostState } from "@/server/media/post-state";
import { uploadMedia } from "@/server/media/upload-media";
import type { SignedInViewer } from "@/server/auth/viewer";
import type { Audience } from "@/lib/audiences";
import { fixturePath, jpeg } from "./media-fixtures";

export type ItemKind = "blog" | "diary" | "photos" | "music" | "video";
export type BuiltItem = { postId: number; media: { id: number; variants: string[] }[] };

async function image(owner: SignedInViewer, purpose: "inline" | "photo", extra: { albumId?: number; batchKey?: string } = {}) {
  const body = await jpeg({ width: 64, height: 48 });
  const up = await uploadMedia(owner, { purpose, body: Readable.from([body]), declaredBytes: body.length, fileName: "p.jpg", clientKey: randomUUID(), ...extra });
  await processMedia(up.media.id);
  return up;
}

async function file(owner: SignedInViewer, purpose: "audio" | "video", name: string) {
  const up = await uploadMedia(owner, { purpose, body: createReadStream(fixturePath(name)), declaredBytes: null, fileName: name, clientKey: randomUUID() });
  await processMedia(up.media.id);
  return up;
}

const variantsOf = async (id: number) => (await db.media.findUniqueOrThrow({ where: { id } })).variants;

async function publish(postId: number, authorId: number) {
  await deliverToSelf(db, postId, authorId);
  await fanOutPost(postId);
}

/** One item of `kind` by `owner` with `audience`, its media processed, delivered to feeds. */
export async function buildItem(owner: SignedInViewer, kind: ItemKind, audience: Audience): Promise<BuiltItem> {
  if (kind === "photos") {
    const album = await db.album.create({ data: { ownerId: owner.id, title: `Album ${randomUUID().slice(0, 6)}`, audience } });
    const batchKey = randomUUID();
    const a = await image(owner, "photo", { albumId: album.id, batchKey });
    const b = await image(owner, "photo", { albumId: album.id, batchKey });
    const postId = a.photo!.postId;
    await fanOutPost(postId);
    return { postId, media: [{ id: a.media.id, variants: await variantsOf(a.media.id) }, { id: b.media.id, variants: await variantsOf(b.media.id) }] };
  }
  if (kind === "blog" || kind === "diary") {
    const inline = kind === "blog" ? await image(owner, "inline") : null;
    const post = await db.post.create({ data: { authorId: owner.id, kind, title: `${kind} title`, body: `${kind} body ${randomUUID()}`, audience } });
    if (kind === "blog") {
      await db.blogPost.create({ data: { postId: post.id, source: `![x](/media/${inline!.media.id}/display)`, html: `<p><img src="/media/${inline!.media.id}/display" alt="x"></p>`, coverMediaId: inline!.media.id } });
      await db.media.update({ where: { id: inline!.media.id }, data: { postId: post.id } });
    } else {
      await db.diaryEntry.create({ data: { postId: post.id, authorId: owner.id, entryDate: new Date("2026-11-30"), mood: "happy", weather: "sunny" } });
    }
    await publish(post.id, owner.id);
    return { postId: post.id, media: inline ? [{ id: inline.media.id, variants: await variantsOf(inline.media.id) }] : [] };
  }
  const up = await file(owner, kind === "music" ? "audio" : "video", kind === "music" ? "tone-cover.mp3" : "clip.mp4");
  const post = await db.post.create({ data: { authorId: owner.id, kind, title: `${kind} title`, body: "", audience, state: "PROCESSING" } });
  if (kind === "music") await db.track.create({ data: { postId: post.id, authorId: owner.id, mediaId: up.media.id, artist: "Artist" } });
  else await db.video.create({ data: { postId: post.id, mediaId: up.media.id } });
  await db.media.update({ where: { id: up.media.id }, data: { postId: post.id } });
  await refreshPostState(post.id);
  await publish(post.id, owner.id);
  return { postId: post.id, media: [{ id: up.media.id, variants: await variantsOf(up.media.id) }] };
}
