import "server-only";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { assertCanView, postGuard, type Viewer } from "@/server/privacy";
import { withAttachments } from "@/server/presenters/attachments";
import { AUTHOR_SELECT, presentPost } from "@/server/presenters/post";

/**
 * One post, if the viewer may see it. Missing, hidden, and "exists but under
 * another handle" all throw the same not_found.
 */
export async function getPost(viewer: Viewer, input: { postId: number; handle?: string }) {
  const row = await db.post.findUnique({
    where: { id: input.postId },
    include: { author: AUTHOR_SELECT },
  });
  if (!row || (input.handle !== undefined && row.author.handle !== input.handle.toLowerCase())) throw notFound();
  await assertCanView(viewer, postGuard(row));
  const [post] = await withAttachments([presentPost(row, viewer?.id)], viewer);
  return post!;
}
