import "server-only";
import type { Prisma } from "@/generated/prisma/client";

/**
 * Makes the blog's inline images follow the blog (inside the caller's
 * transaction): the author's own unattached inline uploads referenced by the
 * body get media.post_id, so the privacy module gives them the post's
 * audience; the author's images no longer referenced are let go (the
 * cleanup then removes them like any abandoned upload). Someone else's media
 * id in the body is never touched. Returns the cover: the first referenced
 * image that belongs to this post, or null.
 */
export async function attachImages(tx: Prisma.TransactionClient, input: { postId: number; authorId: number; imageIds: number[] }): Promise<number | null> {
  const { postId, authorId, imageIds } = input;
  await tx.media.updateMany({
    where: { postId, purpose: "inline", ...(imageIds.length ? { id: { notIn: imageIds } } : {}) },
    data: { postId: null },
  });
  if (!imageIds.length) return null;
  await tx.media.updateMany({
    where: { id: { in: imageIds }, ownerId: authorId, purpose: "inline", postId: null },
    data: { postId },
  });
  const mine = new Set((await tx.media.findMany({ where: { id: { in: imageIds }, postId }, select: { id: true } })).map((m) => m.id));
  return imageIds.find((id) => mine.has(id)) ?? null;
}
