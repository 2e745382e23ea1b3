import "server-only";
import { cache } from "react";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { accessTo, canViewSpace, visiblePostFilter, type Viewer } from "@/server/privacy";

/**
 * A space's header as the viewer sees it: profile, counts (the posts count
 * only counts what the viewer may see, so it leaks nothing) and the state of
 * the viewer's relationship buttons.
 */
export const getSpace = cache(async function getSpace(viewer: Viewer, handle: string) {
  const owner = await db.user.findUnique({
    where: { handle: handle.toLowerCase() },
    select: { id: true, handle: true, displayName: true, bio: true, createdAt: true, avatarMediaId: true, coverMediaId: true },
  });
  if (!owner) throw notFound();
  const access = await accessTo(viewer, owner.id);
  // A blocked pair see each other's space exactly as a missing one.
  if (!canViewSpace(access)) throw notFound();
  const relation = access.relation;
  const viewerId = viewer?.id ?? 0;
  const [friends, followers, posts, sentRequest, receivedRequest, follow] = await Promise.all([
    db.friendship.count({ where: { userId: owner.id } }),
    db.follow.count({ where: { followeeId: owner.id } }),
    db.post.count({ where: { authorId: owner.id, ...visiblePostFilter(access) } }),
    db.friendRequest.findUnique({ where: { fromId_toId: { fromId: viewerId, toId: owner.id } }, select: { fromId: true } }),
    db.friendRequest.findUnique({ where: { fromId_toId: { fromId: owner.id, toId: viewerId } }, select: { fromId: true } }),
    db.follow.findUnique({ where: { followerId_followeeId: { followerId: viewerId, followeeId: owner.id } }, select: { followerId: true } }),
  ]);
  return {
    owner,
    relation,
    access,
    counts: { friends, followers, posts },
    buttons: {
      isFriend: relation === "friend",
      requestSent: Boolean(sentRequest),
      requestReceived: Boolean(receivedRequest),
      following: Boolean(follow),
    },
  };
});
export type Space = Awaited<ReturnType<typeof getSpace>>;
