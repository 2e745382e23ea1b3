import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { notFound } from "@/server/errors";

export async function cancelFriendRequest(viewer: SignedInViewer, input: { userId: number }) {
  const { count } = await db.friendRequest.deleteMany({ where: { fromId: viewer.id, toId: input.userId } });
  if (count === 0) throw notFound();
}
