import "server-only";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { POST_GUARD_SELECT, assertCanView, postGuard, type Viewer } from "@/server/privacy";

/**
 * The item a comment belongs to, if the viewer may see it: every comment
 * read or write starts here, so an item the viewer cannot see answers
 * exactly like a missing one.
 */
export async function visiblePost(viewer: Viewer, postId: number) {
  const post = await db.post.findUnique({ where: { id: postId }, select: { id: true, ...POST_GUARD_SELECT, commentCount: true } });
  if (!post) throw notFound();
  await assertCanView(viewer, postGuard(post));
  return post;
}
