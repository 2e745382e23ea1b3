import "server-only";
import { db } from "@/server/db";
import { mediaUrl, type Variant } from "@/lib/media-url";
import { isRepostable, visibleItems, type Audience, type ItemState, type Viewer } from "@/server/privacy";
import type { Attachment, RepostOriginalView } from "./attachment-types";
import { presentAuthor } from "./post";

/** Characters of the original's text shown in the embed. */
export const EMBED_EXCERPT_CHARS = 140;

type Row = {
  repost_id: number;
  id: number | null;
  author_id: number;
  kind: RepostOriginalView["kind"];
  title: string | null;
  body: string;
  audience: Audience;
  audience_group_ids: number[];
  audience_user_ids: number[];
  state: ItemState;
  created_at: Date;
  repost_count: number;
  album_id: number | null;
  album_title: string | null;
  handle: string;
  display_name: string;
  avatar_media_id: number | null;
  thumb_media_id: number | null;
  /** Set when the kind's usual variant is not the one (a song's own cover image is served as "thumb"). */
  thumb_variant: Variant | null;
};

// The variant each kind's thumbnail is served as.
const THUMB_VARIANT: Partial<Record<RepostOriginalView["kind"], Variant>> = { blog: "thumb", photos: "thumb", music: "cover", video: "poster" };

/**
 * The attachment loader for kind "repost": every repost on the page gets its
 * original, in one query for all of them (original, author, album title and
 * thumbnail), plus one for the viewer's access to all their authors. The
 * originals' visibility is decided by the privacy module (visibleItems), NOW,
 * not when the repost was made: an original narrowed since, or whose author
 * blocked the viewer, embeds as null, exactly like a deleted one.
 */
export async function loadRepostEmbeds(ids: number[], _viewerId: number | undefined, viewer: Viewer): Promise<Map<number, Attachment>> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT r.id AS repost_id, o.id, o.author_id, o.kind, o.title, left(o.body, ${EMBED_EXCERPT_CHARS + 1}) AS body,
           o.audience, o.audience_group_ids, o.audience_user_ids, o.state, o.created_at, o.repost_count, o.album_id,
           a.title AS album_title, u.handle, u.display_name, u.avatar_media_id,
           (CASE o.kind
              WHEN 'blog' THEN (SELECT m.id FROM blog_posts b JOIN media m ON m.id = b.cover_media_id
                                WHERE b.post_id = o.id AND m.status = 'READY')
              WHEN 'photos' THEN (SELECT m.id FROM photos ph JOIN media m ON m.id = ph.media_id
                                  WHERE ph.post_id = o.id AND m.status = 'READY' ORDER BY ph.position, ph.id LIMIT 1)
              -- As trackCoverUrl: the owner's own cover once processed, else the art from the tags.
              WHEN 'music' THEN (SELECT COALESCE(c.id, CASE WHEN 'cover' = ANY(m.variants) THEN m.id END)
                                 FROM tracks t JOIN media m ON m.id = t.media_id
                                 LEFT JOIN media c ON c.id = t.cover_media_id AND c.status = 'READY'
                                 WHERE t.post_id = o.id)
              WHEN 'video' THEN (SELECT m.id FROM videos v JOIN media m ON m.id = v.media_id
                                 WHERE v.post_id = o.id AND 'poster' = ANY(m.variants))
            END) AS thumb_media_id,
           (CASE WHEN o.kind = 'music' AND EXISTS (SELECT 1 FROM tracks t JOIN media c ON c.id = t.cover_media_id
                                                   WHERE t.post_id = o.id AND c.status = 'READY') THEN 'thumb' END) AS thumb_variant
    FROM posts r
    LEFT JOIN posts o ON o.id = r.repost_of_id
    LEFT JOIN albums a ON a.id = o.album_id
    LEFT JOIN users u ON u.id = o.author_id
    WHERE r.id = ANY(${ids}::int[])`;
  const originals = rows.filter((r) => r.id != null);
  const visible = new Set(
    (
      await visibleItems(
        viewer,
        originals.map((r) => ({ ownerId: r.author_id, audience: r.audience, audienceGroupIds: r.audience_group_ids, audienceUserIds: r.audience_user_ids, state: r.state, id: r.id! })),
      )
    ).map((g) => g.id),
  );
  const out = new Map<number, Attachment>();
  for (const r of rows) out.set(r.repost_id, { kind: "repost", original: r.id != null && visible.has(r.id) ? present(r) : null });
  return out;
}

function present(r: Row): RepostOriginalView {
  const variant = r.thumb_variant ?? THUMB_VARIANT[r.kind];
  const chars = [...r.body];
  return {
    id: String(r.id),
    kind: r.kind,
    title: r.title ?? r.album_title,
    excerpt: chars.length > EMBED_EXCERPT_CHARS ? `${chars.slice(0, EMBED_EXCERPT_CHARS).join("")}…` : r.body,
    createdAt: r.created_at.toISOString(),
    author: presentAuthor({ id: r.author_id, handle: r.handle, displayName: r.display_name, avatarMediaId: r.avatar_media_id }),
    thumb: r.thumb_media_id != null && variant ? mediaUrl(r.thumb_media_id, variant) : null,
    album: r.album_id != null ? { id: r.album_id } : null,
    audience: r.audience,
    repostCount: r.repost_count,
    repostable: isRepostable({ audience: r.audience, state: r.state }),
  };
}
