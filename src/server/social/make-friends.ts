import "server-only";
import type { Prisma } from "@/generated/prisma/client";

/** Writes the two friendship rows and clears pending requests both ways. Caller holds the pair lock. */
export async function makeFriends(tx: Prisma.TransactionClient, a: number, b: number) {
  await tx.friendRequest.deleteMany({ where: { OR: [{ fromId: a, toId: b }, { fromId: b, toId: a }] } });
  await tx.friendship.createMany({
    data: [
      { userId: a, friendId: b },
      { userId: b, friendId: a },
    ],
    skipDuplicates: true,
  });
}
