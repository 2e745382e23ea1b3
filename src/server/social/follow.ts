import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { mergeAuthorIntoInbox } from "@/server/feed/inbox";
import { assertNotBlocked } from "@/server/blocks/blocked-between";
import { ensureOtherUser } from "./ensure-user";
import { lockPair } from "./pair-lock";

/**
 * Follow is idempotent: following twice is still one follow. Refused between
 * a blocked pair like a missing user; under the pair lock, so a block
 * committing at the same moment cannot leave a follow behind.
 */
export async function follow(viewer: SignedInViewer, input: { userId: number }) {
  await ensureOtherUser(viewer.id, input.userId);
  await db.$transaction(async (tx) => {
    await lockPair(tx, viewer.id, input.userId);
    await assertNotBlocked(tx, viewer.id, input.userId);
    await tx.follow.createMany({ data: [{ followerId: viewer.id, followeeId: input.userId }], skipDuplicates: true });
    await mergeAuthorIntoInbox(tx, viewer.id, input.userId);
  });
}

// Unfollow and unfriend leave inbox entries in place: the feed checks the
// relation at read time, and trimming removes them over time.

export async function unfollow(viewer: SignedInViewer, input: { userId: number }) {
  await db.follow.deleteMany({ where: { followerId: viewer.id, followeeId: input.userId } });
}
