import "server-only";
import { lockOwnerMedia } from "@/server/media/owner-lock";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { notFound } from "@/server/errors";
import { enqueueInTx, getBoss, QUEUES } from "@/server/jobs/boss";
import { resolveAudience } from "@/server/groups/resolve-audience";
import { widensAudience } from "@/server/groups/widens-audience";
import type { Audience } from "@/server/privacy";
import type { UpdateAlbumInput } from "@/lib/validation/album";
import { ALBUM_INCLUDE, presentAlbums } from "./present-album";

/**
 * The owner edits an album. Its photos inherit its audience, and so must its
 * batch posts ("added 7 photos to …"): a new audience (with its chosen groups
 * and friends, for CUSTOM) is written to the album and to every post of that
 * album in one transaction, so no moment exists
 * where the card says more than the album allows. Widening re-runs each
 * post's fan-out (inboxes it was never delivered to); narrowing needs none
 * (the feed checks privacy at read time).
 */
export async function updateAlbum(viewer: SignedInViewer, input: UpdateAlbumInput) {
  const aud = input.audience !== undefined ? await resolveAudience(viewer.id, { ...input, audience: input.audience }) : undefined;
  const boss = await getBoss();
  await db.$transaction(async (tx) => {
    // No upload of this owner reads the album's audience until this commits; and edits of one album apply in turn.
    if (aud) await lockOwnerMedia(tx, viewer.id);
    const [current] = await tx.$queryRaw<{ audience: Audience; audienceGroupIds: number[]; audienceUserIds: number[] }[]>`
      SELECT audience::text AS audience, audience_group_ids AS "audienceGroupIds", audience_user_ids AS "audienceUserIds"
      FROM albums WHERE id = ${input.albumId} AND owner_id = ${viewer.id} FOR UPDATE`;
    if (!current) throw notFound();
    await tx.album.update({
      where: { id: input.albumId },
      data: {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(aud ?? {}),
      },
    });
    if (!aud) return;
    await tx.post.updateMany({ where: { albumId: input.albumId, authorId: viewer.id, kind: "photos" }, data: aud });
    if (widensAudience(current, aud)) {
      const posts = await tx.post.findMany({ where: { albumId: input.albumId, authorId: viewer.id, kind: "photos" }, select: { id: true } });
      for (const p of posts) await enqueueInTx(boss, tx, QUEUES.feedFanOut, { postId: p.id });
    }
  });
  const row = await db.album.findUniqueOrThrow({ where: { id: input.albumId }, include: ALBUM_INCLUDE });
  const [album] = await presentAlbums([row], "owner");
  return album!;
}
