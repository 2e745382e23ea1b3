import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { AppError, notFound } from "@/server/errors";
import { deleteMediaFiles, deleteMediaVariantFile } from "@/server/media/delete-media";
import { getPost } from "@/server/posts/get-post";
import type { RemoveTrackCoverInput, SetTrackCoverInput } from "@/lib/validation/music";

type Tx = Prisma.TransactionClient;
type LockedTrack = { media_id: number; cover_media_id: number | null };
type LockedMedia = { id: number; owner_id: number; key: string; purpose: string; status: string; error: string | null; post_id: number | null; variants: string[] };

/**
 * The owner replaces a track's cover art with an image they uploaded (purpose
 * "track-cover": sniffed, test-decoded, re-encoded and thumbnailed by the
 * media pipeline like every image). The image is attached to the track's post
 * (media.post_id), so from then on it has the post's audience, exactly like
 * the song, and goes with the post when it is deleted.
 */
export async function setTrackCover(viewer: SignedInViewer, input: SetTrackCoverInput) {
  await changeCover(viewer, input.postId, input.mediaId);
  return getPost(viewer, { postId: input.postId });
}

/** The owner takes a track's cover art away: the card shows the neutral note. */
export async function removeTrackCover(viewer: SignedInViewer, input: RemoveTrackCoverInput) {
  await changeCover(viewer, input.postId, null);
  return getPost(viewer, { postId: input.postId });
}

/**
 * In one transaction, with the track and both media rows locked: the new
 * cover (if any) is attached and recorded, the previous uploaded cover's row
 * is deleted, and the cover art the job took from the file's tags leaves the
 * song's variants. Their files go after the commit (a crash in between leaves
 * files the cleanup removes). Nothing is deleted before the new cover is
 * attached, and the new one is attached in the same commit that makes it
 * the cover, so the cleanup (which removes only unattached uploads) never
 * sees it loose.
 */
async function changeCover(viewer: SignedInViewer, postId: number, mediaId: number | null): Promise<void> {
  const gone = await db.$transaction(async (tx) => {
    // Someone else's track answers exactly like a missing one.
    const [track] = await tx.$queryRaw<LockedTrack[]>`
      SELECT t.media_id, t.cover_media_id FROM tracks t JOIN posts p ON p.id = t.post_id
      WHERE t.post_id = ${postId} AND p.author_id = ${viewer.id} AND p.kind = 'music'
      FOR UPDATE OF t`;
    if (!track) throw notFound();
    const song = await lockMedia(tx, track.media_id);
    // The job writes the embedded cover when it processes the song: until it
    // has, a removed cover would come back.
    if (!song || song.status !== "READY") throw new AppError("invalid", "trackCoverSongNotReady");
    if (mediaId != null && mediaId === track.cover_media_id) return null; // a repeated request
    if (mediaId != null) await attachCover(tx, viewer, postId, mediaId);
    await tx.track.update({ where: { postId }, data: { coverMediaId: mediaId } });
    const previous = track.cover_media_id != null ? await lockMedia(tx, track.cover_media_id) : null;
    if (previous) await tx.media.delete({ where: { id: previous.id } });
    const embedded = song.variants.includes("cover");
    if (embedded) await tx.media.update({ where: { id: song.id }, data: { variants: song.variants.filter((v) => v !== "cover") } });
    return { previousKey: previous?.key ?? null, songKey: embedded ? song.key : null };
  });
  if (gone?.previousKey) await deleteMediaFiles([gone.previousKey]);
  if (gone?.songKey) await deleteMediaVariantFile(gone.songKey, "cover");
}

async function lockMedia(tx: Tx, id: number): Promise<LockedMedia | null> {
  const [row] = await tx.$queryRaw<LockedMedia[]>`
    SELECT id, owner_id, key::text AS key, purpose, status::text AS status, error, post_id, variants
    FROM media WHERE id = ${id} FOR UPDATE`;
  return row ?? null;
}

/** The viewer's own processed, unused cover image joins the track's post. */
async function attachCover(tx: Tx, viewer: SignedInViewer, postId: number, mediaId: number) {
  const image = await lockMedia(tx, mediaId);
  if (!image || image.owner_id !== viewer.id) throw notFound();
  if (image.purpose !== "track-cover") throw new AppError("invalid", "mediaWrongKind", "mediaId");
  if (image.post_id != null) throw new AppError("invalid", "mediaAlreadyUsed", "mediaId");
  // The form attaches it once the job has made it: the card never shows a picture still processing.
  if (image.status === "FAILED") throw new AppError("invalid", image.error ?? "processingFailed", "mediaId");
  if (image.status !== "READY") throw new AppError("invalid", "trackCoverNotReady", "mediaId");
  await tx.media.update({ where: { id: mediaId }, data: { postId } });
}
