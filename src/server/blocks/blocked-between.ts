import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { notFound } from "@/server/errors";

type Client = Pick<Prisma.TransactionClient, "block">;

/** Whether either of the two users blocked the other. */
export async function blockedBetween(tx: Client, a: number, b: number): Promise<boolean> {
  const row = await tx.block.findFirst({
    where: { OR: [{ blockerId: a, blockedId: b }, { blockerId: b, blockedId: a }] },
    select: { blockerId: true },
  });
  return row !== null;
}

/**
 * Refuses a relationship action (friend request, follow) between a blocked
 * pair with the same not_found as a missing user: the blocked side must not
 * learn more than "this person isn't there". Call it under the pair lock
 * (src/server/social/pair-lock.ts), so a block committing at the same moment
 * is either seen here or comes after and undoes what this action wrote.
 */
export async function assertNotBlocked(tx: Client, a: number, b: number): Promise<void> {
  if (await blockedBetween(tx, a, b)) throw notFound();
}
