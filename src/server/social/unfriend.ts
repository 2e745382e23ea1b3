import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { notFound } from "@/server/errors";
import { leaveEachOthersAudiences } from "@/server/groups/leave-audiences";
import { lockPair } from "./pair-lock";

/** Ends a friendship for both sides, and each leaves the other's friend groups. Explicit follows, if any, stay. */
export async function unfriend(viewer: SignedInViewer, input: { userId: number }) {
  await db.$transaction(async (tx) => {
    await lockPair(tx, viewer.id, input.userId);
    const { count } = await tx.friendship.deleteMany({
      where: { OR: [{ userId: viewer.id, friendId: input.userId }, { userId: input.userId, friendId: viewer.id }] },
    });
    if (count === 0) throw notFound();
    await leaveEachOthersAudiences(tx, viewer.id, input.userId);
  });
}
