import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { notFound } from "@/server/errors";
import { POST_GUARD_SELECT, assertCanView, postGuard } from "@/server/privacy";
import type { CommentRefInput } from "@/lib/validation/comment";
import { hiddenCommentCountSql } from "@/server/privacy/comment-sql";

export type DeletedComment = { postId: string; deleted: number; commentCount: number };

/**
 * Deletes a comment: its author may, and so may the item's owner. Anyone
 * else, including someone who can no longer see the item, gets the same
 * not_found as for a missing comment, and nothing changes. Deleting a
 * top-level comment deletes its replies; the item's comment_count drops by
 * exactly the rows deleted, in the same transaction. The count handed back
 * is the one the viewer is shown (less comments hidden from them by blocks).
 */
export async function deleteComment(viewer: SignedInViewer, input: CommentRefInput): Promise<DeletedComment> {
  const comment = await db.comment.findUnique({
    where: { id: input.commentId },
    select: { id: true, authorId: true, postId: true, post: { select: POST_GUARD_SELECT } },
  });
  if (!comment) throw notFound();
  await assertCanView(viewer, postGuard(comment.post));
  if (viewer.id !== comment.authorId && viewer.id !== comment.post.authorId) throw notFound();

  return db.$transaction(async (tx) => {
    // Lock the comment first: a reply being added to this thread either
    // commits before (and is deleted and counted below) or waits and then
    // finds its thread gone; a concurrent delete of the same comment finds nothing.
    const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM comments WHERE id = ${comment.id} FOR UPDATE`;
    if (!locked.length) throw notFound();
    const gone = await tx.$queryRaw<{ id: number }[]>`
      DELETE FROM comments WHERE post_id = ${comment.postId} AND (id = ${comment.id} OR parent_id = ${comment.id}) RETURNING id`;
    const [post] = await tx.$queryRaw<{ comment_count: number }[]>`
      UPDATE posts SET comment_count = comment_count - ${gone.length} WHERE id = ${comment.postId}
      RETURNING comment_count - ${hiddenCommentCountSql("posts.id", viewer.id)} AS comment_count`;
    return { postId: String(comment.postId), deleted: gone.length, commentCount: post?.comment_count ?? 0 };
  });
}
