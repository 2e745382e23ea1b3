import "server-only";
import type { SignedInViewer } from "@/server/auth/viewer";
import type { LikeCommentInput } from "@/lib/validation/likes";
import { setLike, type LikeState } from "./counted-like";
import { visibleComment } from "./visible-target";

/** The viewer unlikes a comment on an item they may see (otherwise not_found, nothing changes). Idempotent. */
export async function unlikeComment(viewer: SignedInViewer, input: LikeCommentInput): Promise<LikeState> {
  await visibleComment(viewer, input.commentId);
  return setLike("comment", input.commentId, viewer.id, false);
}
