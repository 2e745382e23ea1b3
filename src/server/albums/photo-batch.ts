import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { refreshPostState } from "@/server/media/post-state";

type Tx = Prisma.TransactionClient;

/** The viewer's photo, row-locked for the rest of the transaction; anyone else's answers like a missing one. */
export async function lockOwnPhoto(tx: Tx, ownerId: number, photoId: number) {
  const [photo] = await tx.$queryRaw<{ id: number; album_id: number; post_id: number | null; media_id: number; position: number }[]>`
    SELECT id, album_id, post_id, media_id, position FROM photos WHERE id = ${photoId} AND owner_id = ${ownerId} FOR UPDATE`;
  if (!photo) throw notFound();
  return photo;
}

/**
 * A photo has left its batch (moved or deleted): a batch card left without
 * photos is deleted (in the caller's transaction). Returns the post id when
 * the card remains, so its state can be re-evaluated after commit.
 */
export async function leaveBatch(tx: Tx, postId: number | null): Promise<number | null> {
  if (!postId) return null;
  const gone = await tx.$executeRaw`
    DELETE FROM posts WHERE id = ${postId} AND kind = 'photos'
      AND NOT EXISTS (SELECT 1 FROM photos WHERE post_id = ${postId})`;
  return gone ? null : postId;
}

/** The album falls back to its default cover when its chosen one leaves it. */
export async function forgetCover(tx: Tx, albumId: number, photoId: number) {
  await tx.album.updateMany({ where: { id: albumId, coverPhotoId: photoId }, data: { coverPhotoId: null } });
}

/** After commit: the remaining card may now be READY (its last processing photo left) or FAILED. */
export async function refreshBatch(postId: number | null) {
  if (postId && (await db.post.count({ where: { id: postId } }))) await refreshPostState(postId);
}
