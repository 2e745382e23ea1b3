import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { AppError, notFound } from "@/server/errors";
import { deliverToSelf } from "@/server/feed/inbox";
import { enqueueInTx, getBoss, QUEUES } from "@/server/jobs/boss";
import { refreshPostState } from "@/server/media/post-state";
import { resolveAudience } from "@/server/groups/resolve-audience";
import type { Audience } from "@/lib/audiences";

type Tx = Prisma.TransactionClient;
type LockedMedia = { id: number; owner_id: number; purpose: string; status: string; post_id: number | null; duration_ms: number | null };

export type MediaPostInput = {
  kind: "music" | "video";
  purpose: "audio" | "video";
  mediaId: number;
  title: string;
  body: string;
  audience: Audience;
  /** With CUSTOM: the chosen groups and friends (checked by resolveAudience). */
  audienceGroupIds?: number[];
  audienceUserIds?: number[];
  clientKey?: string;
  /** Writes the kind's detail row (tracks / videos) inside the transaction. */
  writeDetail: (tx: Tx, postId: number, media: { id: number; durationMs: number | null }) => Promise<unknown>;
};

/**
 * Publishes one of the viewer's own uploads (a song or a video) as an item,
 * shared by music and video. In one transaction: the post (PROCESSING until
 * its file is processed), the detail row, the media attached to the post (from
 * then on it has the post's audience, through the privacy module), the
 * author's own inbox entry and the fan-out job.
 * - someone else's media id answers exactly like a missing one, changing nothing;
 * - the media row is locked, so two creates cannot both attach it;
 * - a repeated clientKey returns the item made the first time.
 * Returns the post id.
 */
export async function createMediaPost(viewer: SignedInViewer, input: MediaPostInput): Promise<number> {
  const aud = await resolveAudience(viewer.id, input);
  const boss = await getBoss();
  const key = input.clientKey ?? null;
  const byKey = async (tx: Tx) => {
    if (!key) return null;
    const post = await tx.post.findUnique({ where: { authorId_clientKey: { authorId: viewer.id, clientKey: key } }, select: { id: true, kind: true } });
    if (post && post.kind !== input.kind) throw new AppError("invalid", "invalid");
    return post?.id ?? null;
  };

  const postId = await db.$transaction(async (tx) => {
    const early = await byKey(tx);
    if (early) return early;
    const [media] = await tx.$queryRaw<LockedMedia[]>`
      SELECT id, owner_id, purpose, status::text AS status, post_id, duration_ms
      FROM media WHERE id = ${input.mediaId} FOR UPDATE`;
    if (!media || media.owner_id !== viewer.id) throw notFound();
    // A concurrent request with the same key may have committed while we waited for the lock.
    const raced = await byKey(tx);
    if (raced) return raced;
    if (media.purpose !== input.purpose) throw new AppError("invalid", "mediaWrongKind", "mediaId");
    if (media.post_id != null) throw new AppError("invalid", "mediaAlreadyUsed", "mediaId");

    const state = media.status === "READY" ? "READY" : "PROCESSING";
    const inserted = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO posts (author_id, kind, title, body, audience, audience_group_ids, audience_user_ids, state, client_key)
      VALUES (${viewer.id}, ${input.kind}, ${input.title}, ${input.body}, ${aud.audience}::audience, ${aud.audienceGroupIds}::int[], ${aud.audienceUserIds}::int[], ${state}::item_state, ${key}::uuid)
      ON CONFLICT (author_id, client_key) DO NOTHING
      RETURNING id`;
    const created = inserted[0];
    if (!created) return null;
    await input.writeDetail(tx, created.id, { id: media.id, durationMs: media.duration_ms });
    await tx.media.update({ where: { id: media.id }, data: { postId: created.id } });
    await deliverToSelf(tx, created.id, viewer.id);
    await enqueueInTx(boss, tx, QUEUES.feedFanOut, { postId: created.id });
    return created.id;
  });
  const id = postId ?? (await db.post.findUniqueOrThrow({ where: { authorId_clientKey: { authorId: viewer.id, clientKey: key! } }, select: { id: true } })).id;
  // The job may have finished between the upload and now (or failed): the item's state follows its file.
  await refreshPostState(id);
  return id;
}

/** The viewer's own item of this kind (for edits), or not_found exactly like a missing one. */
export async function ownPostId(tx: Tx, viewer: SignedInViewer, postId: number, kind: "music" | "video"): Promise<number> {
  const post = await tx.post.findFirst({ where: { id: postId, authorId: viewer.id, kind }, select: { id: true } });
  if (!post) throw notFound();
  return post.id;
}
