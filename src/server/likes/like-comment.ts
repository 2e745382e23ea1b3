import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import type { LikeCommentInput } from "@/lib/validation/likes";
import { notify } from "@/server/notifications/notify";
import { setLike, type LikeState } from "./counted-like";
import { visibleComment } from "./visible-target";

/**
 * The viewer likes a comment on an item they may see (otherwise not_found,
 * nothing changes). Idempotent. The comment's author is notified in the same
 * transaction, once per liker and comment ever.
 */
export async function likeComment(viewer: SignedInViewer, input: LikeCommentInput): Promise<LikeState> {
  const comment = await visibleComment(viewer, input.commentId);
  return db.$transaction(async (tx) => {
    const state = await setLike("comment", input.commentId, viewer.id, true, tx);
    await notify(tx, {
      type: "comment_like",
      recipientId: comment.authorId,
      actorId: viewer.id,
      postId: comment.postId,
      commentId: comment.id,
      dedupeKey: `like:comment:${comment.id}:${viewer.id}`,
    });
    return state;
  });
}
