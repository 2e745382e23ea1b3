import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { notFound } from "@/server/errors";
import { enqueueInTx, getBoss, QUEUES } from "@/server/jobs/boss";
import { resolveAudience } from "@/server/groups/resolve-audience";
import { widensAudience } from "@/server/groups/widens-audience";
import type { UpdateBlogInput } from "@/lib/validation/blog";
import { attachImages } from "./attach-images";
import { mentionCandidates, renderMarkdown } from "./render-markdown";
import { existingHandles } from "@/server/mentions/existing-handles";
import { notifyPostMentions } from "@/server/notifications/notify-mentions";
import type { PublishedBlog } from "./publish-blog";

/**
 * The author edits a published blog: re-rendered and re-sanitised, marked
 * edited, its images re-attached. Anyone else's id (or a post of another
 * kind) answers like a missing one and changes nothing. Widening the
 * audience re-runs the fan-out, as set-post-audience does.
 */
export async function updateBlog(viewer: SignedInViewer, input: UpdateBlogInput): Promise<PublishedBlog> {
  const rendered = renderMarkdown(input.source, await existingHandles(mentionCandidates(input.source)));
  const aud = await resolveAudience(viewer.id, input);
  const boss = await getBoss();
  await db.$transaction(async (tx) => {
    const post = await tx.post.findFirst({ where: { id: input.postId, authorId: viewer.id, kind: "blog" }, select: { id: true, audience: true, audienceGroupIds: true, audienceUserIds: true } });
    if (!post) throw notFound();
    await tx.post.update({
      where: { id: post.id },
      data: { title: input.title, body: rendered.excerpt, ...aud, editedAt: new Date() },
    });
    const coverMediaId = await attachImages(tx, { postId: post.id, authorId: viewer.id, imageIds: rendered.imageIds });
    await tx.blogPost.upsert({
      where: { postId: post.id },
      create: { postId: post.id, source: input.source, html: rendered.html, coverMediaId },
      update: { source: input.source, html: rendered.html, coverMediaId },
    });
    if (widensAudience(post, aud)) await enqueueInTx(boss, tx, QUEUES.feedFanOut, { postId: post.id });
  });
  // Newly mentioned people who may see it are told; those already told are not told again.
  await notifyPostMentions(input.postId, viewer.id, rendered.mentions);
  return { id: String(input.postId), href: `/u/${viewer.handle}/blog/${input.postId}` };
}
