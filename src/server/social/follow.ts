import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { mergeAuthorIntoInbox } from "@/server/feed/inbox";
import { ensureOtherUser } from "./ensure-user";

/** Follow is idempotent: following twice is still one follow. */
export async function follow(viewer: SignedInViewer, input: { userId: number }) {
  await ensureOtherUser(viewer.id, input.userId);
  await db.follow.createMany({ data: [{ followerId: viewer.id, followeeId: input.userId }], skipDuplicates: true });
  await mergeAuthorIntoInbox(db, viewer.id, input.userId);
}

// Unfollow and unfriend leave inbox entries in place: the feed checks the
// relation at read time, and trimming removes them over time.

export async function unfollow(viewer: SignedInViewer, input: { userId: number }) {
  await db.follow.deleteMany({ where: { followerId: viewer.id, followeeId: input.userId } });
}
