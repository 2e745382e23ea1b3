import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { notFound } from "@/server/errors";
import { lockPair } from "./pair-lock";
import { makeFriends } from "./make-friends";
import { markRequestHandled, notify } from "@/server/notifications/notify";

/** Accepts or declines the request `userId` sent to the viewer. */
export async function respondFriendRequest(viewer: SignedInViewer, input: { userId: number; accept: boolean }) {
  await db.$transaction(async (tx) => {
    await lockPair(tx, viewer.id, input.userId);
    const { count } = await tx.friendRequest.deleteMany({ where: { fromId: input.userId, toId: viewer.id } });
    if (count === 0) throw notFound();
    await markRequestHandled(tx, viewer.id, input.userId);
    if (input.accept) {
      await makeFriends(tx, viewer.id, input.userId);
      await notify(tx, { type: "friend_accept", recipientId: input.userId, actorId: viewer.id });
    }
  });
}
