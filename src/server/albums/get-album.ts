import "server-only";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { albumGuard, assertCanView, type Viewer } from "@/server/privacy";
import { ALBUM_INCLUDE, presentAlbums } from "./present-album";

/**
 * One album, if the viewer may see it (its audience decides). Missing,
 * hidden, and "exists but under another handle" all answer not_found.
 */
export async function getAlbum(viewer: Viewer, input: { albumId: number; handle?: string }) {
  const row = await db.album.findUnique({ where: { id: input.albumId }, include: ALBUM_INCLUDE });
  if (!row || (input.handle !== undefined && row.owner.handle !== input.handle.toLowerCase())) throw notFound();
  const access = await assertCanView(viewer, albumGuard(row));
  const [album] = await presentAlbums([row], access.relation);
  return album!;
}
