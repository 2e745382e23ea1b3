import "server-only";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { ALBUM_GUARD_SELECT, albumGuard, assertCanView, type Viewer } from "@/server/privacy";
import { presentMedia, MEDIA_SELECT } from "@/server/presenters/media";
import type { PhotoView } from "./album-types";

/**
 * An album's photos in the owner's order, if the viewer may see the album.
 * Photos still processing (or failed) are their owner's alone.
 */
export async function listPhotos(viewer: Viewer, input: { albumId: number }): Promise<PhotoView[]> {
  const album = await db.album.findUnique({ where: { id: input.albumId }, select: ALBUM_GUARD_SELECT });
  if (!album) throw notFound();
  const { relation } = await assertCanView(viewer, albumGuard(album));
  const rows = await db.photo.findMany({
    where: { albumId: input.albumId, ...(relation === "owner" ? {} : { media: { status: "READY" } }) },
    select: { id: true, caption: true, alt: true, media: { select: MEDIA_SELECT } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({ id: r.id, caption: r.caption, alt: r.alt, media: presentMedia(r.media) }));
}
