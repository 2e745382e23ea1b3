import "server-only";
import type { Viewer } from "@/server/privacy";
import { db } from "@/server/db";
import { mediaUrl } from "@/lib/media-url";
import type { Attachment, PhotoView } from "./attachment-types";
import { withInteractions } from "./interactions";
import { commentsAndReplies, withMentionLinks } from "@/server/mentions/mention-links";
import { loadCommentsPreview } from "./comments-preview";
import { withChosenAudience } from "./chosen-audience";
import { MEDIA_SELECT, presentMedia, type MediaRow } from "./media";
import { trackCoverUrl } from "@/server/music/cover-url";
import type { PostKind, PostView } from "./post";
import { loadRepostEmbeds } from "./repost-embeds";

/** Photos shown on a batch's feed card (QZone's nine-grid). */
export const CARD_PHOTOS = 9;
type Loader = (ids: number[], viewerId: number | undefined, viewer: Viewer) => Promise<Map<number, Attachment>>;

const loaders: Partial<Record<PostKind, Loader>> = {
  // A repost embeds its original, checked against the privacy module for this viewer (./repost-embeds).
  repost: loadRepostEmbeds,
  blog: async (ids) => {
    const rows = await db.blogPost.findMany({ where: { postId: { in: ids } }, select: { postId: true, coverMediaId: true } });
    const covers = await mediaById(rows.map((r) => r.coverMediaId).filter((x): x is number => x != null));
    return new Map(rows.map((r) => [r.postId, { kind: "blog", excerpt: "", cover: r.coverMediaId && covers.get(r.coverMediaId) ? presentMedia(covers.get(r.coverMediaId)!) : null }]));
  },
  diary: async (ids) => {
    const rows = await db.diaryEntry.findMany({ where: { postId: { in: ids } } });
    return new Map(rows.map((r) => [r.postId, { kind: "diary", date: r.entryDate.toISOString().slice(0, 10), mood: r.mood, weather: r.weather }]));
  },
  photos: async (ids, viewerId) => {
    // One query for up to nine photos per batch (window function), one for the albums and counts.
    const [photos, heads] = await Promise.all([
      db.$queryRaw<(MediaRow & { photo_id: number; post_id: number; caption: string; alt: string; author_id: number })[]>`
        SELECT * FROM (
          SELECT ph.id AS photo_id, ph.post_id, ph.caption, ph.alt, ph.owner_id AS author_id,
                 m.id, m.status::text AS status, m.error, m.width, m.height, m.placeholder,
                 row_number() OVER (PARTITION BY ph.post_id ORDER BY ph.position, ph.id) AS n
          FROM photos ph JOIN media m ON m.id = ph.media_id
          WHERE ph.post_id = ANY(${ids}::int[])
            AND (m.status = 'READY' OR ph.owner_id = ${viewerId ?? 0})
        ) x WHERE n <= ${CARD_PHOTOS}
        ORDER BY post_id, n`,
      db.$queryRaw<{ post_id: number; album_id: number; title: string; count: number }[]>`
        SELECT p.id AS post_id, a.id AS album_id, a.title,
          (SELECT count(*)::int FROM photos ph JOIN media m ON m.id = ph.media_id
           WHERE ph.post_id = p.id AND (m.status = 'READY' OR ph.owner_id = ${viewerId ?? 0})) AS count
        FROM posts p JOIN albums a ON a.id = p.album_id
        WHERE p.id = ANY(${ids}::int[])`,
    ]);
    const byPost = new Map<number, PhotoView[]>();
    for (const r of photos) {
      const list = byPost.get(r.post_id) ?? [];
      list.push({ id: r.photo_id, caption: r.caption, alt: r.alt, media: presentMedia(r) });
      byPost.set(r.post_id, list);
    }
    return new Map(
      heads.map((h) => [h.post_id, { kind: "photos", album: { id: h.album_id, title: h.title }, count: h.count, photos: byPost.get(h.post_id) ?? [] } satisfies Attachment]),
    );
  },
  music: (ids) =>
    withMediaFile(db.track.findMany({ where: { postId: { in: ids } } }), (r, m, all) => ({
      kind: "music",
      artist: r.artist,
      albumName: r.albumName,
      durationMs: r.durationMs,
      src: mediaUrl(m.id, "original"),
      mime: m.mime,
      cover: trackCoverUrl(m, r.coverMediaId != null ? all.get(r.coverMediaId) : null),
      bgm: r.bgm,
      media: presentMedia(m),
    }), (r) => r.coverMediaId),
  video: (ids) =>
    withMediaFile(db.video.findMany({ where: { postId: { in: ids } } }), (r, m) => ({
      kind: "video",
      durationMs: r.durationMs ?? m.durationMs,
      src: mediaUrl(m.id, "original"),
      mime: m.mime,
      poster: m.variants.includes("poster") ? mediaUrl(m.id, "poster") : null,
      media: presentMedia(m),
    })),
};

type MediaFile = MediaRow & { mime: string; variants: string[]; durationMs: number | null };

/**
 * Detail rows that each point at one media file (songs, videos), and maybe
 * one more (a song's own cover, loaded in the same query): two queries for
 * the whole page.
 */
async function withMediaFile<R extends { postId: number; mediaId: number }>(
  rows: Promise<R[]>,
  present: (row: R, media: MediaFile, all: Map<number, MediaFile>) => Attachment,
  extra: (row: R) => number | null = () => null,
) {
  const list = await rows;
  const media = await mediaById(list.flatMap((r) => [r.mediaId, extra(r)].filter((id): id is number => id != null)));
  const out = new Map<number, Attachment>();
  for (const r of list) {
    const m = media.get(r.mediaId);
    if (m) out.set(r.postId, present(r, m, media));
  }
  return out;
}

async function mediaById(ids: number[]) {
  if (!ids.length) return new Map<number, MediaFile>();
  const rows = await db.media.findMany({ where: { id: { in: ids } }, select: MEDIA_SELECT });
  return new Map(rows.map((m) => [m.id, m]));
}

/**
 * Fills in each post's kind-specific content. One query (two for photos) per
 * kind present on the page, never one per post, so a feed page costs the same
 * number of queries whatever it holds. Callers have already applied the
 * privacy module to the posts themselves; photos inside a batch follow their
 * post (a batch's album audience is its post's audience).
 */
/**
 * `viewer` is whoever is looking (a preview included: a repost's original is
 * checked for them, not for the id behind them).
 */
export async function withAttachments(items: PostView[], viewer: Viewer): Promise<PostView[]> {
  const viewerId = viewer?.id || undefined;
  const byKind = new Map<PostKind, number[]>();
  for (const p of items) {
    if (p.kind === "status") continue;
    const id = Number(p.id);
    byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), id]);
  }
  // Likes (liked by me, named likers) load alongside: a fixed number of queries per page too.
  // ... and so do the cards' first comments (loadCommentsPreview: one query for the page).
  const [maps, withLikes, withComments] = await Promise.all([
    Promise.all([...byKind].map(([kind, ids]) => loaders[kind]?.(ids, viewerId, viewer) ?? new Map<number, Attachment>())),
    withInteractions(items, viewerId),
    loadCommentsPreview(items, viewerId),
  ]);
  const all = new Map<number, Attachment>();
  for (const m of maps) for (const [k, v] of m) all.set(k, v);
  const out = withLikes.map(withComments).map((p) => {
    const a = all.get(Number(p.id));
    if (!a) return p;
    if (a.kind === "blog") return { ...p, attachment: { ...a, excerpt: p.body } };
    // A repost's button reposts (and counts) its original, while that may be reposted.
    if (a.kind === "repost") return { ...p, attachment: a, repostTarget: a.original?.repostable ? { id: a.original.id, count: a.original.repostCount } : null };
    return { ...p, attachment: a };
  });
  // @mentions in the bodies and the cards' comments become links: one query for the page, none without mentions.
  await withMentionLinks([...out, ...commentsAndReplies(out.flatMap((p) => p.comments))]);
  // The author's own "chosen groups or friends" items name whom they were shown to: one query, none without such items.
  await withChosenAudience(out, viewerId);
  return out;
}
