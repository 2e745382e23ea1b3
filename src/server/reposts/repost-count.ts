import "server-only";
import type { Prisma } from "@/generated/prisma/client";

/**
 * A repost of `originalId` was deleted, in the caller's transaction: the
 * original's repost_count goes down with it. Callers call it only when their
 * DELETE really removed the row, so two concurrent deletes uncount once. A
 * deleted original is simply not updated.
 */
export async function uncountRepost(tx: Prisma.TransactionClient, originalId: number) {
  await tx.$executeRaw`UPDATE posts SET repost_count = GREATEST(repost_count - 1, 0) WHERE id = ${originalId}`;
}
