import "server-only";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import type { Viewer } from "@/server/privacy";
import { getPost } from "@/server/posts/get-post";
import type { PostView } from "@/server/presenters/post";

export type BlogView = { post: PostView; html: string };

/**
 * A blog's reading page, if the viewer may see it (the privacy module via
 * getPost): the post and its server-sanitised HTML. Missing, hidden, another
 * kind or another handle all answer the same not_found.
 */
export async function getBlog(viewer: Viewer, input: { postId: number; handle: string }): Promise<BlogView> {
  const post = await getPost(viewer, input);
  if (post.kind !== "blog") throw notFound();
  const row = await db.blogPost.findUnique({ where: { postId: input.postId }, select: { html: true } });
  if (!row) throw notFound();
  return { post, html: row.html };
}
