import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { mergeAuthorIntoInbox } from "@/server/feed/inbox";

/** Writes the two friendship rows, clears pending requests both ways and merges inboxes. Caller holds the pair lock. */
export async function makeFriends(tx: Prisma.TransactionClient, a: number, b: number) {
  await tx.friendRequest.deleteMany({ where: { OR: [{ fromId: a, toId: b }, { fromId: b, toId: a }] } });
  await tx.friendship.createMany({
    data: [
      { userId: a, friendId: b },
      { userId: b, friendId: a },
    ],
    skipDuplicates: true,
  });
  // Each now sees the other's posts: merge them into both inboxes.
  await mergeAuthorIntoInbox(tx, a, b);
  await mergeAuthorIntoInbox(tx, b, a);
}
