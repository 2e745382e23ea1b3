import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { notFound } from "@/server/errors";
import type { SetAlbumCoverInput } from "@/lib/validation/album";

/** The owner picks the album's cover among its own photos (null: back to the first photo). */
export async function setAlbumCover(viewer: SignedInViewer, input: SetAlbumCoverInput) {
  await db.$transaction(async (tx) => {
    const album = await tx.album.findFirst({ where: { id: input.albumId, ownerId: viewer.id }, select: { id: true } });
    if (!album) throw notFound();
    if (input.photoId !== null) {
      const photo = await tx.photo.findFirst({ where: { id: input.photoId, albumId: album.id, ownerId: viewer.id }, select: { id: true } });
      if (!photo) throw notFound();
    }
    await tx.album.update({ where: { id: album.id }, data: { coverPhotoId: input.photoId } });
  });
  return { albumId: input.albumId, coverPhotoId: input.photoId };
}
