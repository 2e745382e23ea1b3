import "server-only";
import { lockOwnerMedia } from "@/server/media/owner-lock";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { deleteMediaFiles } from "@/server/media/delete-media";
import type { PhotoRef } from "@/lib/validation/album";
import { forgetCover, leaveBatch, lockOwnPhoto, refreshBatch } from "./photo-batch";

/**
 * The owner deletes a photo: in one transaction its media row (the photo row
 * goes with it), the album's cover choice if it was this one, and its batch
 * card if it was the card's last photo; after commit, its files. Anyone
 * else's photo answers like a missing one.
 */
export async function deletePhoto(viewer: SignedInViewer, input: PhotoRef) {
  const { key, postId } = await db.$transaction(async (tx) => {
    await lockOwnerMedia(tx, viewer.id);
    const photo = await lockOwnPhoto(tx, viewer.id, input.photoId);
    const media = await tx.media.delete({ where: { id: photo.media_id }, select: { key: true } });
    await forgetCover(tx, photo.album_id, photo.id);
    return { key: media.key, postId: await leaveBatch(tx, photo.post_id) };
  });
  await deleteMediaFiles([key]);
  await refreshBatch(postId);
}
