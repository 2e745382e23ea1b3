import "server-only";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { db } from "@/server/db";
import { storage } from "@/server/storage";
import { readAudioTags } from "./audio";
import { finaliseUpload } from "./finalise";
import { renderImageVariants } from "./image";
import { mediaKey, PURPOSE_KIND, uploadVariant, type Purpose } from "./purposes";
import { refreshPostState } from "./post-state";
import { posterFrame, probeVideo } from "./video";

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** An image upload (at most 20 MB) into memory: sharp decodes it in one go anyway. */
async function load(key: string, variant: string): Promise<Buffer> {
  const obj = await storage().get(mediaKey(key, variant));
  if (!obj) throw new Error(`media file missing: ${variant}`);
  return readAll(obj.body);
}

/**
 * Runs `fn` with a stored file copied to a local temporary file (ffmpeg and
 * the tag reader want a path). Streamed: a 200 MB video never sits in memory.
 */
async function withLocalCopy<T>(key: string, variant: string, fn: (file: string) => Promise<T>): Promise<T> {
  const obj = await storage().get(mediaKey(key, variant));
  if (!obj) throw new Error(`media file missing: ${variant}`);
  const dir = await mkdtemp(path.join(tmpdir(), "kj-media-"));
  const file = path.join(dir, "input");
  try {
    await pipeline(obj.body, createWriteStream(file));
    return await fn(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The heavy half of an upload, run by the job queue (with retries):
 * - images: the upload is decoded once and re-encoded as original, display
 *   and thumbnail WebP (orientation applied, metadata gone), then deleted;
 * - audio: the embedded cover art becomes a WebP "cover";
 * - video: duration and a poster frame when ffmpeg is present (without it the
 *   video is still playable and the player shows a neutral poster).
 * Then the media row is READY and the item it belongs to is re-evaluated.
 * Idempotent: a retry after a crash redoes the same writes.
 */
export async function processMedia(mediaId: number): Promise<void> {
  const m = await db.media.findUnique({ where: { id: mediaId }, include: { photo: { select: { postId: true } } } });
  if (!m || m.status === "READY") return; // deleted meanwhile, or done by an earlier attempt
  const purpose = m.purpose as Purpose;
  const store = storage();
  await finaliseUpload(m.key, uploadVariant(purpose));
  const kind = PURPOSE_KIND[purpose];
  const variants = new Set(m.variants);
  const data: { width?: number; height?: number; durationMs?: number | null; mime?: string } = {};

  if (kind === "image") {
    const upload = await load(m.key, "upload");
    const crop = (m.crop as { left: number; top: number; size: number } | null) ?? undefined;
    const out = await renderImageVariants(upload, crop ? { crop } : undefined);
    await store.put(mediaKey(m.key, "original"), out.original, { contentType: out.originalMime });
    await store.put(mediaKey(m.key, "display"), out.display, { contentType: "image/webp" });
    await store.put(mediaKey(m.key, "thumb"), out.thumb, { contentType: "image/webp" });
    ["original", "display", "thumb"].forEach((v) => variants.add(v));
    data.width = out.width;
    data.height = out.height;
    data.mime = out.originalMime;
  } else if (kind === "audio") {
    variants.add("original");
    const tags = await withLocalCopy(m.key, "original", (file) => readAudioTags(file));
    if (tags.cover) {
      const cover = await renderImageVariants(tags.cover.data).catch(() => null); // a broken cover is not a broken song
      if (cover) {
        await store.put(mediaKey(m.key, "cover"), cover.thumb, { contentType: "image/webp" });
        variants.add("cover");
      }
    }
    if (m.durationMs == null && tags.durationMs != null) data.durationMs = tags.durationMs;
  } else {
    variants.add("original");
    const { probe, frame } = await withLocalCopy(m.key, "original", async (file) => ({ probe: await probeVideo(file), frame: await posterFrame(file) }));
    if (probe.durationMs != null) data.durationMs = probe.durationMs;
    if (probe.width) data.width = probe.width;
    if (probe.height) data.height = probe.height;
    if (frame) {
      const poster = await renderImageVariants(frame).catch(() => null);
      if (poster) {
        await store.put(mediaKey(m.key, "poster"), poster.display, { contentType: "image/webp" });
        variants.add("poster");
      }
    }
  }

  variants.delete("upload");
  const updated = await db.media.updateMany({ where: { id: m.id }, data: { ...data, status: "READY", error: null, variants: [...variants] } });
  if (kind === "image") await store.delete(mediaKey(m.key, "upload"));
  if (updated.count === 0) return; // deleted while we worked: the cleanup removes the files
  if (purpose === "avatar" || purpose === "cover") await adoptProfileImage(m.ownerId, m.id, purpose);
  // Read the owning item again: a song or video may have been published while
  // we worked (its create locks this row, so our update waited for it).
  const now = await db.media.findUnique({ where: { id: m.id }, select: { postId: true, photo: { select: { postId: true } } } });
  const postId = now?.photo?.postId ?? now?.postId;
  if (postId) await refreshPostState(postId);
}

/** The job gave up: the item says so (to its owner), never silently. */
export async function markMediaFailed(mediaId: number, error = "processingFailed"): Promise<void> {
  const m = await db.media.findUnique({ where: { id: mediaId }, include: { photo: { select: { postId: true } } } });
  if (!m) return;
  await db.media.update({ where: { id: mediaId }, data: { status: "FAILED", error } });
  const postId = m.photo?.postId ?? m.postId;
  if (postId) await refreshPostState(postId);
}

/** A processed avatar or cover replaces the previous one (whose row and files are removed). */
async function adoptProfileImage(ownerId: number, mediaId: number, purpose: "avatar" | "cover") {
  const field = purpose === "avatar" ? "avatarMediaId" : "coverMediaId";
  const previous = await db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: ownerId }, select: { avatarMediaId: true, coverMediaId: true } });
    const old = user[field];
    // Already adopted (a retried or duplicate run): nothing to replace.
    if (old === mediaId) return null;
    // Only adopt if no newer upload got there first.
    if (old && old > mediaId) return mediaId;
    await tx.user.update({ where: { id: ownerId }, data: { [field]: mediaId } });
    return old;
  });
  if (previous) {
    const { deleteMedia } = await import("./delete-media");
    await deleteMedia([previous]);
  }
  const { forgetViewer } = await import("@/server/auth/viewer");
  forgetViewer(ownerId);
}
