import "server-only";
import { rm } from "node:fs/promises";
import { createReadStream } from "node:fs";
import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { AppError, notFound } from "@/server/errors";
import { deliverToSelf } from "@/server/feed/inbox";
import { enqueueInTx, getBoss, QUEUES } from "@/server/jobs/boss";
import { presentMedia } from "@/server/presenters/media";
import type { UploadResult } from "./upload-types";
import { storage } from "@/server/storage";
import { readAudioTags } from "./audio";
import { MediaRejected } from "./errors";
import { inspectImage } from "./image";
import { DEFAULT_QUOTA_BYTES } from "./limits";
import { limitFor, mediaKey, PURPOSE_KIND, tmpKey, uploadVariant, type Purpose } from "./purposes";
import { sniffType } from "./sniff";
import { spool, TooLarge } from "./spool";
import { finaliseUpload } from "./finalise";
import { lockOwnerMedia } from "./owner-lock";
import { cleanFileName } from "./file-name";

export type UploadInput = {
  purpose: Purpose;
  body: Readable;
  /** Content-Length, when the client sent one: over the limit or the remaining quota answers 413 before any byte is read. */
  declaredBytes: number | null;
  fileName: string | null;
  clientKey?: string;
  /** photo: the album it goes into, and the batch (one feed item per batch). */
  albumId?: number;
  batchKey?: string;
  /** avatar: the square the owner chose in the preview (fractions of the image). */
  crop?: { left: number; top: number; size: number };
};


/** Read at each call, so a test (each file runs in its own process) can set a small quota. */
export function quotaBytes(): number {
  return Number(process.env.MEDIA_QUOTA_BYTES ?? DEFAULT_QUOTA_BYTES);
}

const REJECT_STATUS: Record<MediaRejected["reason"], "invalid" | "unsupported_media" | "too_large"> = {
  empty: "invalid",
  unsupportedType: "unsupported_media",
  tooLarge: "too_large",
  tooManyPixels: "too_large",
  unreadable: "invalid",
};
const REJECT_MESSAGE: Record<MediaRejected["reason"], string> = {
  empty: "fileEmpty",
  unsupportedType: "fileUnsupported",
  tooLarge: "fileTooLarge",
  tooManyPixels: "fileTooManyPixels",
  unreadable: "fileUnreadable",
};
const rejected = (reason: MediaRejected["reason"]) => new AppError(REJECT_STATUS[reason], REJECT_MESSAGE[reason], "file");
const quotaExceeded = () => new AppError("too_large", "quotaExceeded", "file");

/**
 * Receives one upload, and never leaves half of it behind:
 * 1. the body is streamed to a local spool file, cut off at the purpose's
 *    limit or at what is left of the owner's quota, whichever is smaller (413);
 * 2. only the bytes decide its type (magic numbers); images are test-decoded
 *    (pixel limit, truncation) and get their placeholder;
 * 3. the file goes to storage under a temporary key;
 * 4. one transaction writes the media row (plus, for a photo, the photo and
 *    its batch's feed item) and the processing job;
 * 5. the temporary file is moved to its final key (the job does it too if
 *    this process dies first; the cleanup job removes what never committed).
 * A repeated client key (double-click, retry) returns the first upload.
 */
export async function uploadMedia(viewer: SignedInViewer, input: UploadInput): Promise<UploadResult> {
  const limit = limitFor(input.purpose);
  if (input.declaredBytes != null && input.declaredBytes > limit) throw rejected("tooLarge");
  if (input.clientKey) {
    const existing = await findByClientKey(viewer.id, input.clientKey);
    if (existing) {
      input.body.resume(); // drain: the first upload already holds these bytes
      return existing;
    }
  }
  if (input.purpose === "photo") await assertOwnAlbum(viewer.id, input.albumId);
  // The body may be no larger than the purpose's limit nor than what is left
  // of the quota: a declared size over either is refused before reading, an
  // undeclared body is cut off the moment it passes the smaller of the two.
  const remaining = Math.max(0, quotaBytes() - (await usedBytes(viewer.id)));
  if (input.declaredBytes != null && input.declaredBytes > remaining) throw quotaExceeded();
  const cap = Math.min(limit, remaining);

  let spooled: Awaited<ReturnType<typeof spool>>;
  try {
    spooled = await spool(input.body, cap);
  } catch (err) {
    if (err instanceof TooLarge) throw cap < limit ? quotaExceeded() : rejected("tooLarge");
    throw err;
  }
  const key = randomUUID();
  const store = storage();
  let stored = false;
  try {
    const kind = PURPOSE_KIND[input.purpose];
    const type = await sniffType(spooled.head, kind);
    const image = kind === "image" ? await inspectImage(spooled.file) : null;
    const tags = kind === "audio" ? await readAudioTags(spooled.file) : null;
    await store.put(tmpKey(key), createReadStream(spooled.file), { contentType: type.mime });
    stored = true;
    const boss = await getBoss();
    const fileName = cleanFileName(input.fileName);
    const result = await db.$transaction(async (tx) => {
      await lockOwnerMedia(tx, viewer.id);
      const [agg] = await tx.$queryRaw<{ sum: bigint | null }[]>`SELECT sum(bytes) AS sum FROM media WHERE owner_id = ${viewer.id}`;
      // Checked again under the owner's lock: concurrent uploads each passed the check above on their own.
      if (Number(agg?.sum ?? 0) + spooled.size > quotaBytes()) throw quotaExceeded();
      if (input.clientKey) {
        const dup = await tx.media.findUnique({ where: { ownerId_clientKey: { ownerId: viewer.id, clientKey: input.clientKey } }, select: { id: true } });
        if (dup) return { duplicate: true as const };
      }
      const media = await tx.media.create({
        data: {
          ownerId: viewer.id,
          purpose: input.purpose,
          key,
          // Images are served as the WebP the job writes; audio/video as sniffed.
          mime: kind === "image" ? "image/webp" : type.mime,
          bytes: spooled.size,
          width: image?.width ?? null,
          height: image?.height ?? null,
          durationMs: tags?.durationMs ?? null,
          placeholder: image?.placeholder ?? null,
          variants: [],
          fileName,
          clientKey: input.clientKey ?? null,
          crop: input.crop ?? undefined,
        },
      });
      const photo = input.purpose === "photo" ? await addPhoto(tx, boss, viewer.id, media.id, input) : undefined;
      await enqueueInTx(boss, tx, QUEUES.mediaProcess, { mediaId: media.id });
      return { duplicate: false as const, media, photo };
    });
    if (result.duplicate) {
      await store.delete(tmpKey(key));
      stored = false;
      return (await findByClientKey(viewer.id, input.clientKey!))!;
    }
    // Committed: from here the job owns the file (it finalises again if this fails).
    stored = false;
    await finaliseUpload(key, uploadVariant(input.purpose)).catch((err) => console.error("[media] finalise", err));
    return {
      media: { ...presentMedia(result.media), fileName, mime: result.media.mime, bytes: spooled.size },
      ...(tags ? { tags: { title: tags.title, artist: tags.artist, album: tags.album, durationMs: tags.durationMs } } : {}),
      ...(result.photo ? { photo: result.photo } : {}),
    };
  } catch (err) {
    if (err instanceof MediaRejected) throw rejected(err.reason);
    throw err;
  } finally {
    await rm(spooled.file, { force: true });
    // Nothing committed: the temporary copy goes (the cleanup job is the backstop).
    if (stored) await store.delete(tmpKey(key)).catch(() => {});
  }
}

async function findByClientKey(ownerId: number, clientKey: string): Promise<UploadResult | null> {
  const m = await db.media.findUnique({ where: { ownerId_clientKey: { ownerId, clientKey } }, include: { photo: { select: { id: true, postId: true } } } });
  if (!m) return null;
  return {
    media: { ...presentMedia(m), fileName: m.fileName, mime: m.mime, bytes: Number(m.bytes) },
    ...(m.photo?.postId ? { photo: { id: m.photo.id, postId: m.photo.postId } } : {}),
  };
}

async function usedBytes(ownerId: number): Promise<number> {
  const agg = await db.media.aggregate({ where: { ownerId }, _sum: { bytes: true } });
  return Number(agg._sum.bytes ?? 0);
}

async function assertOwnAlbum(ownerId: number, albumId: number | undefined) {
  if (!albumId) throw new AppError("invalid", "albumRequired", "album");
  const album = await db.album.findFirst({ where: { id: albumId, ownerId }, select: { id: true } });
  if (!album) throw notFound();
}

type Tx = Prisma.TransactionClient;

/**
 * A photo joins its album at the end, and its upload batch's feed item
 * ("added 7 photos to Graduation"): the first photo of a batch creates that
 * item (PROCESSING, so only the owner sees it until the job has run).
 */
async function addPhoto(tx: Tx, boss: Awaited<ReturnType<typeof getBoss>>, ownerId: number, mediaId: number, input: UploadInput) {
  const album = await tx.album.findFirst({ where: { id: input.albumId!, ownerId }, select: { id: true, audience: true, audienceGroupIds: true, audienceUserIds: true } });
  if (!album) throw notFound();
  const batchKey = input.batchKey ?? randomUUID();
  let post = await tx.post.findUnique({ where: { authorId_clientKey: { authorId: ownerId, clientKey: batchKey } }, select: { id: true, albumId: true, kind: true } });
  if (post && (post.kind !== "photos" || post.albumId !== album.id)) throw new AppError("invalid", "invalid", "batch");
  if (!post) {
    post = await tx.post.create({
      data: {
        authorId: ownerId,
        kind: "photos",
        body: "",
        // The album's audience, chosen viewers included: the batch's card shows no more than the album allows.
        audience: album.audience,
        audienceGroupIds: album.audienceGroupIds,
        audienceUserIds: album.audienceUserIds,
        state: "PROCESSING",
        albumId: album.id,
        clientKey: batchKey,
      },
      select: { id: true, albumId: true, kind: true },
    });
    await deliverToSelf(tx, post.id, ownerId);
    await enqueueInTx(boss, tx, QUEUES.feedFanOut, { postId: post.id });
  } else {
    await tx.post.update({ where: { id: post.id }, data: { state: "PROCESSING" } });
  }
  const [last] = await tx.$queryRaw<{ max: number | null }[]>`SELECT max(position) AS max FROM photos WHERE album_id = ${album.id}`;
  const photo = await tx.photo.create({ data: { albumId: album.id, ownerId, mediaId, postId: post.id, position: (last?.max ?? 0) + 1 } });
  await tx.album.update({ where: { id: album.id }, data: { updatedAt: new Date() } });
  return { id: photo.id, postId: post.id };
}

export { mediaKey };
