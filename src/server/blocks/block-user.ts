import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import type { BlockRefInput } from "@/lib/validation/blocks";
import { ensureOtherUser } from "@/server/social/ensure-user";
import { lockPair } from "@/server/social/pair-lock";
import { leaveEachOthersAudiences } from "@/server/groups/leave-audiences";

/**
 * Blocks `userId`. In one transaction, under the pair lock that friend
 * requests and accepts take too (so a concurrent accept either finishes
 * before and is undone here, or runs after and finds no request): the block
 * row, and the end of everything that tied the two together, both ways:
 * friendship, follows, pending friend requests, membership in each other's
 * friend groups and chosen-friends lists, visits and notifications.
 * Idempotent: blocking again (a double-click) keeps one row. Unblocking
 * restores none of it.
 *
 * The feed needs nothing more: its read paths (inbox and hot pull) only
 * read friends' and followees' items, and the privacy module answers
 * "blocked" for every other path (space, item, media, comments, likes).
 */
export async function blockUser(viewer: SignedInViewer, input: BlockRefInput): Promise<{ blocked: true }> {
  await ensureOtherUser(viewer.id, input.userId);
  const [a, b] = [viewer.id, input.userId];
  await db.$transaction(async (tx) => {
    await lockPair(tx, a, b);
    await tx.block.createMany({ data: [{ blockerId: a, blockedId: b }], skipDuplicates: true });
    await tx.friendship.deleteMany({ where: { OR: [{ userId: a, friendId: b }, { userId: b, friendId: a }] } });
    await tx.follow.deleteMany({ where: { OR: [{ followerId: a, followeeId: b }, { followerId: b, followeeId: a }] } });
    await tx.friendRequest.deleteMany({ where: { OR: [{ fromId: a, toId: b }, { fromId: b, toId: a }] } });
    await leaveEachOthersAudiences(tx, a, b);
    // Nothing of the other stays behind to come back on unblock: their footprints
    // in each other's visitor lists, and the notifications between them.
    await tx.visit.deleteMany({ where: { OR: [{ ownerId: a, visitorId: b }, { ownerId: b, visitorId: a }] } });
    await tx.notification.deleteMany({ where: { OR: [{ userId: a, actorId: b }, { userId: b, actorId: a }] } });
  });
  return { blocked: true };
}
