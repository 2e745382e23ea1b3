import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";

const PERSON = { select: { id: true, handle: true, displayName: true } } as const;

/** Everything the friends page shows: incoming and outgoing requests, and friends. */
export async function listFriendsPage(viewer: SignedInViewer) {
  const [incoming, outgoing, friends] = await Promise.all([
    db.friendRequest.findMany({ where: { toId: viewer.id }, orderBy: { createdAt: "desc" }, select: { createdAt: true, from: PERSON }, take: 200 }),
    db.friendRequest.findMany({ where: { fromId: viewer.id }, orderBy: { createdAt: "desc" }, select: { createdAt: true, to: PERSON }, take: 200 }),
    db.friendship.findMany({ where: { userId: viewer.id }, orderBy: { createdAt: "desc" }, select: { friend: PERSON }, take: 1000 }),
  ]);
  return {
    incoming: incoming.map((r) => r.from),
    outgoing: outgoing.map((r) => r.to),
    friends: friends.map((f) => f.friend),
  };
}

export async function countIncomingRequests(viewer: SignedInViewer) {
  return db.friendRequest.count({ where: { toId: viewer.id } });
}
