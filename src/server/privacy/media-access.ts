import "server-only";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import type { Audience, ItemState } from "./audience";
import { canView, effectiveAudience } from "./audience";
import { accessTo, type Viewer } from "./relation";

/** A media row with the audience and state it inherits from what it belongs to. */
export type MediaAccess = {
  id: number;
  ownerId: number;
  key: string;
  mime: string;
  purpose: string;
  variants: string[];
  audience: Audience;
  audienceGroupIds: number[];
  audienceUserIds: number[];
  state: ItemState;
};

/**
 * Who a file belongs to decides who may fetch it, in one query:
 * - the owner's current avatar and space cover are public (a replaced one is deleted);
 * - a photo has its album's audience;
 * - audio, video (and its poster), a track's own cover image, a blog's inline
 *   images have their post's audience and state (they point at it with
 *   media.post_id; a song's cover art from its tags is a variant of the song);
 * - anything not (yet) attached to an item is its owner's alone.
 * A file still processing, or failed, is its owner's alone too.
 */
export async function mediaAccess(mediaId: number): Promise<MediaAccess | null> {
  const rows = await db.$queryRaw<(Omit<MediaAccess, "ownerId" | "audienceGroupIds" | "audienceUserIds"> & { owner_id: number; audience_group_ids: number[]; audience_user_ids: number[] })[]>`
    SELECT m.id, m.owner_id, m.key::text AS key, m.mime, m.purpose, m.variants,
      (CASE
        WHEN m.purpose IN ('avatar', 'cover') AND m.id IN (u.avatar_media_id, u.cover_media_id) THEN 'PUBLIC'
        WHEN ph.id IS NOT NULL THEN a.audience::text
        WHEN p.id IS NOT NULL THEN p.audience::text
        ELSE 'ONLY_ME' END) AS audience,
      COALESCE(CASE WHEN ph.id IS NOT NULL THEN a.audience_group_ids WHEN p.id IS NOT NULL THEN p.audience_group_ids END, '{}') AS audience_group_ids,
      COALESCE(CASE WHEN ph.id IS NOT NULL THEN a.audience_user_ids WHEN p.id IS NOT NULL THEN p.audience_user_ids END, '{}') AS audience_user_ids,
      (CASE
        WHEN m.status <> 'READY' THEN m.status::text
        WHEN ph.id IS NULL AND p.id IS NOT NULL THEN p.state::text
        ELSE 'READY' END) AS state
    FROM media m
    JOIN users u ON u.id = m.owner_id
    LEFT JOIN photos ph ON ph.media_id = m.id
    LEFT JOIN albums a ON a.id = ph.album_id
    LEFT JOIN posts p ON p.id = m.post_id
    WHERE m.id = ${mediaId}`;
  const r = rows[0];
  if (!r) return null;
  return { id: r.id, ownerId: r.owner_id, key: r.key, mime: r.mime, purpose: r.purpose, variants: r.variants, audience: r.audience, audienceGroupIds: r.audience_group_ids, audienceUserIds: r.audience_user_ids, state: r.state };
}

/** The media row if the viewer may fetch it; otherwise not_found, exactly like a missing id. */
export async function assertCanViewMedia(viewer: Viewer, mediaId: number): Promise<MediaAccess> {
  const media = await mediaAccess(mediaId);
  if (!media) throw notFound();
  const access = await accessTo(viewer, media.ownerId);
  if (!canView(access, { ...media, audience: effectiveAudience(media.audience, media.state) })) throw notFound();
  return media;
}
