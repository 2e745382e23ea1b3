import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import type { LikePostInput } from "@/lib/validation/likes";
import { notify } from "@/server/notifications/notify";
import { setLike, type LikeState } from "./counted-like";
import { visiblePost } from "./visible-target";

/**
 * The viewer likes an item of any kind they may see (a hidden one answers
 * not_found, nothing changes). Idempotent. The owner is notified in the same
 * transaction, once per liker and item ever (like, unlike, like: one).
 */
export async function likePost(viewer: SignedInViewer, input: LikePostInput): Promise<LikeState> {
  const post = await visiblePost(viewer, input.postId);
  return db.$transaction(async (tx) => {
    const state = await setLike("post", input.postId, viewer.id, true, tx);
    await notify(tx, { type: "like", recipientId: post.authorId, actorId: viewer.id, postId: post.id, dedupeKey: `like:post:${post.id}:${viewer.id}` });
    return state;
  });
}
