import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { visibleAudienceWhere, type Access } from "@/server/privacy";
import type { Page } from "@/server/presenters/post";
import type { AlbumChoice, AlbumView } from "./album-types";
import { ALBUM_INCLUDE, presentAlbums } from "./present-album";

export const ALBUMS_PAGE = 48;

/** One owner's albums that the viewer may see, newest first (keyset by id), with covers and counts. */
export async function listAlbums(
  viewer: { id: number } | null,
  input: { ownerId: number; access: Access; before?: number; limit?: number },
): Promise<Page<AlbumView>> {
  void viewer; // the access was computed for this viewer by the caller (getSpace)
  const limit = input.limit ?? ALBUMS_PAGE;
  const rows = await db.album.findMany({
    where: { ownerId: input.ownerId, ...visibleAudienceWhere(input.access), ...(input.before ? { id: { lt: input.before } } : {}) },
    include: ALBUM_INCLUDE,
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const items = await presentAlbums(rows.slice(0, limit), input.access.relation);
  return { items, nextCursor: rows.length > limit ? String(items[items.length - 1]!.id) : null };
}

/** The viewer's own albums by title, as targets for "move to album". */
export async function listAlbumChoices(viewer: SignedInViewer): Promise<AlbumChoice[]> {
  return db.album.findMany({ where: { ownerId: viewer.id }, select: { id: true, title: true }, orderBy: { id: "desc" } });
}
