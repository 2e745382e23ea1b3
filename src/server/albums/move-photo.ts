import "server-only";
import { lockOwnerMedia } from "@/server/media/owner-lock";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { notFound } from "@/server/errors";
import type { MovePhotoInput } from "@/lib/validation/album";
import { forgetCover, leaveBatch, lockOwnPhoto, refreshBatch } from "./photo-batch";

/**
 * The owner moves a photo to another of their albums, at its end. It takes
 * the new album's audience at once (the privacy module reads the album) and
 * leaves its upload batch: the old "added N photos" card no longer shows it,
 * and goes away if it was the last one. Either id being someone else's
 * answers like a missing one, and nothing changes.
 */
export async function movePhoto(viewer: SignedInViewer, input: MovePhotoInput) {
  const oldPost = await db.$transaction(async (tx) => {
    await lockOwnerMedia(tx, viewer.id);
    const photo = await lockOwnPhoto(tx, viewer.id, input.photoId);
    const target = await tx.album.findFirst({ where: { id: input.albumId, ownerId: viewer.id }, select: { id: true } });
    if (!target) throw notFound();
    if (target.id === photo.album_id) return null;
    const [last] = await tx.$queryRaw<{ max: number | null }[]>`SELECT max(position) AS max FROM photos WHERE album_id = ${target.id}`;
    await tx.photo.update({ where: { id: photo.id }, data: { albumId: target.id, postId: null, position: (last?.max ?? 0) + 1 } });
    await forgetCover(tx, photo.album_id, photo.id);
    const now = new Date();
    await tx.album.updateMany({ where: { id: { in: [photo.album_id, target.id] } }, data: { updatedAt: now } });
    return leaveBatch(tx, photo.post_id);
  });
  await refreshBatch(oldPost);
  return { photoId: input.photoId, albumId: input.albumId };
}
