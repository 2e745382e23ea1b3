import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { AppError } from "@/server/errors";
import { assertNotBlocked } from "@/server/blocks/blocked-between";
import { ensureOtherUser } from "./ensure-user";
import { lockPair } from "./pair-lock";
import { makeFriends } from "./make-friends";
import { markRequestHandled, notify } from "@/server/notifications/notify";

/**
 * Sends a friend request. If the other person has already asked the viewer,
 * the two crossing requests become one friendship at once.
 */
export async function sendFriendRequest(viewer: SignedInViewer, input: { userId: number }): Promise<"requested" | "friends"> {
  await ensureOtherUser(viewer.id, input.userId);
  return db.$transaction(async (tx) => {
    await lockPair(tx, viewer.id, input.userId);
    // A blocked pair: answered like a missing user (either side).
    await assertNotBlocked(tx, viewer.id, input.userId);
    const already = await tx.friendship.findUnique({ where: { userId_friendId: { userId: viewer.id, friendId: input.userId } } });
    if (already) throw new AppError("conflict", "alreadyFriends");
    const crossing = await tx.friendRequest.findUnique({ where: { fromId_toId: { fromId: input.userId, toId: viewer.id } } });
    if (crossing) {
      await makeFriends(tx, viewer.id, input.userId);
      // Their request was accepted by this crossing one.
      await notify(tx, { type: "friend_accept", recipientId: input.userId, actorId: viewer.id });
      await markRequestHandled(tx, viewer.id, input.userId);
      return "friends";
    }
    const { count } = await tx.friendRequest.createMany({ data: [{ fromId: viewer.id, toId: input.userId }], skipDuplicates: true });
    // Only a new request notifies (a repeated send of a pending one does not).
    if (count > 0) await notify(tx, { type: "friend_request", recipientId: input.userId, actorId: viewer.id });
    return "requested";
  });
}
