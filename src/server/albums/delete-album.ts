import "server-only";
import { lockOwnerMedia } from "@/server/media/owner-lock";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { notFound } from "@/server/errors";
import { deleteMediaFiles } from "@/server/media/delete-media";
import type { AlbumRef } from "@/lib/validation/album";

/**
 * The owner deletes an album: in one transaction the album (its photos and
 * batch posts go with it, by cascade) and its photos' media rows; then,
 * after commit, their files. A crash in between leaves only files without
 * rows, which the media cleanup removes. Someone else's album answers like a
 * missing one.
 */
export async function deleteAlbum(viewer: SignedInViewer, input: AlbumRef) {
  const keys = await db.$transaction(async (tx) => {
    await lockOwnerMedia(tx, viewer.id); // an upload into it either commits first (and is deleted too) or finds it gone
    const [album] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM albums WHERE id = ${input.albumId} AND owner_id = ${viewer.id} FOR UPDATE`;
    if (!album) throw notFound();
    const media = await tx.media.findMany({ where: { photo: { albumId: album.id } }, select: { id: true, key: true } });
    await tx.album.delete({ where: { id: album.id } });
    await tx.media.deleteMany({ where: { id: { in: media.map((m) => m.id) }, ownerId: viewer.id } });
    return media.map((m) => m.key);
  });
  await deleteMediaFiles(keys);
}
