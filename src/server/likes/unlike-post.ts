import "server-only";
import type { SignedInViewer } from "@/server/auth/viewer";
import type { LikePostInput } from "@/lib/validation/likes";
import { setLike, type LikeState } from "./counted-like";
import { visiblePost } from "./visible-target";

/** The viewer unlikes an item of any kind they may see (a hidden one answers not_found, nothing changes). Idempotent. */
export async function unlikePost(viewer: SignedInViewer, input: LikePostInput): Promise<LikeState> {
  await visiblePost(viewer, input.postId);
  return setLike("post", input.postId, viewer.id, false);
}
