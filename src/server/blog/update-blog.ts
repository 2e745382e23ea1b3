import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { notFound } from "@/server/errors";
import { enqueueInTx, getBoss, QUEUES } from "@/server/jobs/boss";
import type { UpdateBlogInput } from "@/lib/validation/blog";
import { attachImages } from "./attach-images";
import { renderMarkdown } from "./render-markdown";
import type { PublishedBlog } from "./publish-blog";

/**
 * The author edits a published blog: re-rendered and re-sanitised, marked
 * edited, its images re-attached. Anyone else's id (or a post of another
 * kind) answers like a missing one and changes nothing. Widening the
 * audience re-runs the fan-out, as set-post-audience does.
 */
export async function updateBlog(viewer: SignedInViewer, input: UpdateBlogInput): Promise<PublishedBlog> {
  const rendered = renderMarkdown(input.source);
  const boss = await getBoss();
  await db.$transaction(async (tx) => {
    const post = await tx.post.findFirst({ where: { id: input.postId, authorId: viewer.id, kind: "blog" }, select: { id: true, audience: true } });
    if (!post) throw notFound();
    await tx.post.update({
      where: { id: post.id },
      data: { title: input.title, body: rendered.excerpt, audience: input.audience, editedAt: new Date() },
    });
    const coverMediaId = await attachImages(tx, { postId: post.id, authorId: viewer.id, imageIds: rendered.imageIds });
    await tx.blogPost.upsert({
      where: { postId: post.id },
      create: { postId: post.id, source: input.source, html: rendered.html, coverMediaId },
      update: { source: input.source, html: rendered.html, coverMediaId },
    });
    if (input.audience !== post.audience && input.audience !== "ONLY_ME") await enqueueInTx(boss, tx, QUEUES.feedFanOut, { postId: post.id });
  });
  return { id: String(input.postId), href: `/u/${viewer.handle}/blog/${input.postId}` };
}
