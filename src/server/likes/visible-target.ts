import "server-only";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { assertCanView, type Viewer } from "@/server/privacy";

/** The item, if the viewer may see it; otherwise the same not_found as a missing one. */
export async function visiblePost(viewer: Viewer, postId: number) {
  const post = await db.post.findUnique({ where: { id: postId }, select: { id: true, authorId: true, audience: true, state: true, likeCount: true } });
  await assertCanView(viewer, post && { ownerId: post.authorId, audience: post.audience, state: post.state });
  return post!;
}

/** A comment, if the viewer may see the item it is on ("you cannot touch what you cannot see"). */
export async function visibleComment(viewer: Viewer, commentId: number) {
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: { id: true, post: { select: { authorId: true, audience: true, state: true } } },
  });
  if (!comment) throw notFound();
  await assertCanView(viewer, { ownerId: comment.post.authorId, audience: comment.post.audience, state: comment.post.state });
  return comment;
}
