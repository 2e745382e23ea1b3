import "server-only";
import { db } from "@/server/db";
import { visiblePostFilter, type Access, type Viewer } from "@/server/privacy";
import { mediaUrl } from "@/lib/media-url";
import type { BackgroundTrack } from "./background-track";
import { trackCoverUrl } from "./cover-url";

/** More than anyone listens to in one visit; keeps the layout's query bounded. */
const MAX_TRACKS = 50;

/**
 * A space's background music as this viewer may hear it: the owner's tracks
 * marked as background music, in the order they were added, keeping only
 * those whose post the privacy module lets the viewer see and that are READY
 * (a file still processing or failed plays for nobody, not even the owner).
 */
export async function listBackgroundMusic(viewer: Viewer, input: { ownerId: number; access: Access }): Promise<BackgroundTrack[]> {
  void viewer; // the access was computed for this viewer by the caller (getSpace)
  const rows = await db.track.findMany({
    where: { authorId: input.ownerId, bgm: true, post: { authorId: input.ownerId, ...visiblePostFilter(input.access), state: "READY" } },
    orderBy: [{ bgmOrder: "asc" }, { postId: "asc" }],
    take: MAX_TRACKS,
    select: { postId: true, mediaId: true, coverMediaId: true, artist: true, durationMs: true, post: { select: { title: true } } },
  });
  if (!rows.length) return [];
  const media = await db.media.findMany({
    where: { id: { in: rows.flatMap((r) => (r.coverMediaId != null ? [r.mediaId, r.coverMediaId] : [r.mediaId])) }, status: "READY" },
    select: { id: true, mime: true, variants: true, status: true },
  });
  const byId = new Map(media.map((m) => [m.id, m]));
  return rows.flatMap((r) => {
    const m = byId.get(r.mediaId);
    if (!m) return [];
    return [
      {
        id: String(r.postId),
        title: r.post.title ?? "",
        artist: r.artist,
        src: mediaUrl(m.id, "original"),
        mime: m.mime,
        cover: trackCoverUrl(m, r.coverMediaId != null ? byId.get(r.coverMediaId) : null),
        durationMs: r.durationMs,
      },
    ];
  });
}
