import "server-only";
import { db } from "@/server/db";
import type { Relation } from "@/server/privacy";
import { presentMedia, type MediaRow } from "@/server/presenters/media";
import { withChosenAudience } from "@/server/presenters/chosen-audience";
import type { AlbumView } from "./album-types";

type AlbumRow = {
  id: number;
  ownerId: number;
  title: string;
  description: string;
  audience: AlbumView["audience"];
  coverPhotoId: number | null;
  createdAt: Date;
  updatedAt: Date;
  owner: { id: number; handle: string; displayName: string };
};

export const ALBUM_INCLUDE = { owner: { select: { id: true, handle: true, displayName: true } } } as const;

/**
 * Albums with their cover and photo count, in two queries for any number of
 * albums. A photo still processing (or failed) is its owner's alone, so for
 * anyone else it neither counts nor can be the cover; an explicit cover the
 * viewer can't see falls back to the first photo they can.
 */
export async function presentAlbums(rows: AlbumRow[], relation: Relation): Promise<AlbumView[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const allStates = relation === "owner";
  const [counts, covers] = await Promise.all([
    db.$queryRaw<{ album_id: number; count: number }[]>`
      SELECT ph.album_id, count(*)::int AS count
      FROM photos ph JOIN media m ON m.id = ph.media_id
      WHERE ph.album_id = ANY(${ids}::int[]) AND (${allStates}::boolean OR m.status = 'READY')
      GROUP BY ph.album_id`,
    db.$queryRaw<(MediaRow & { album_id: number })[]>`
      SELECT DISTINCT ON (ph.album_id) ph.album_id,
             m.id, m.status::text AS status, m.error, m.width, m.height, m.placeholder
      FROM photos ph
      JOIN albums a ON a.id = ph.album_id
      JOIN media m ON m.id = ph.media_id
      WHERE ph.album_id = ANY(${ids}::int[]) AND (${allStates}::boolean OR m.status = 'READY')
      ORDER BY ph.album_id, (ph.id = a.cover_photo_id) DESC, ph.position, ph.id`,
  ]);
  const countOf = new Map(counts.map((c) => [c.album_id, c.count]));
  const coverOf = new Map(covers.map((c) => [c.album_id, presentMedia(c)]));
  const albums = rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    audience: r.audience,
    chosen: null,
    coverPhotoId: r.coverPhotoId,
    cover: coverOf.get(r.id) ?? null,
    count: countOf.get(r.id) ?? 0,
    owner: r.owner,
    mine: relation === "owner",
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
  // The owner's CUSTOM albums name their chosen groups and friends (one query, none without such albums).
  return relation === "owner" ? withChosenAudience(albums, rows[0]!.ownerId, "albums") : albums;
}
