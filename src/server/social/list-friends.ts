import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { avatarUrl } from "@/lib/media-url";

const PERSON = { select: { id: true, handle: true, displayName: true, avatarMediaId: true } } as const;

/** A row of a people list: who, and their avatar image (initials when null). */
const person = (u: { id: number; handle: string; displayName: string; avatarMediaId: number | null }) => ({
  id: u.id,
  handle: u.handle,
  displayName: u.displayName,
  avatarUrl: avatarUrl(u.avatarMediaId),
});

/** Everything the friends page shows: incoming and outgoing requests, and friends. */
export async function listFriendsPage(viewer: SignedInViewer) {
  const [incoming, outgoing, friends] = await Promise.all([
    db.friendRequest.findMany({ where: { toId: viewer.id }, orderBy: { createdAt: "desc" }, select: { createdAt: true, from: PERSON }, take: 200 }),
    db.friendRequest.findMany({ where: { fromId: viewer.id }, orderBy: { createdAt: "desc" }, select: { createdAt: true, to: PERSON }, take: 200 }),
    db.friendship.findMany({ where: { userId: viewer.id }, orderBy: { createdAt: "desc" }, select: { friend: PERSON }, take: 1000 }),
  ]);
  return {
    incoming: incoming.map((r) => person(r.from)),
    outgoing: outgoing.map((r) => person(r.to)),
    friends: friends.map((f) => person(f.friend)),
  };
}

export async function countIncomingRequests(viewer: SignedInViewer) {
  return db.friendRequest.count({ where: { toId: viewer.id } });
}
