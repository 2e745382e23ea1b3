import "server-only";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { POST_GUARD_SELECT, assertCanView, assertNotBlockedWith, postGuard, type Viewer } from "@/server/privacy";

/** The item, if the viewer may see it; otherwise the same not_found as a missing one. */
export async function visiblePost(viewer: Viewer, postId: number) {
  const post = await db.post.findUnique({ where: { id: postId }, select: { id: true, ...POST_GUARD_SELECT, likeCount: true } });
  await assertCanView(viewer, post && postGuard(post));
  return post!;
}

/** A comment, if the viewer may see the item it is on ("you cannot touch what you cannot see"). */
export async function visibleComment(viewer: Viewer, commentId: number) {
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: { id: true, authorId: true, postId: true, post: { select: POST_GUARD_SELECT } },
  });
  if (!comment) throw notFound();
  await assertCanView(viewer, postGuard(comment.post));
  await assertNotBlockedWith(viewer, comment.authorId);
  return comment;
}
