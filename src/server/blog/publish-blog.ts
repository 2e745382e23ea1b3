import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { notFound } from "@/server/errors";
import { deliverToSelf } from "@/server/feed/inbox";
import { enqueueInTx, getBoss, QUEUES } from "@/server/jobs/boss";
import { resolveAudience } from "@/server/groups/resolve-audience";
import type { PublishBlogInput } from "@/lib/validation/blog";
import { attachImages } from "./attach-images";
import { mentionCandidates, renderMarkdown } from "./render-markdown";
import { existingHandles } from "@/server/mentions/existing-handles";
import { notifyPostMentions } from "@/server/notifications/notify-mentions";

export type PublishedBlog = { id: string; href: string };

/**
 * Publishes a blog by the viewer, usually from their draft. In one
 * transaction: the post (kind blog, the excerpt as its body), its blog row
 * (source and sanitised HTML), the inline images attached to it, the draft
 * deleted, the author's own inbox entry and the fan-out job. A repeated
 * clientKey (double-click, retry) returns the blog published the first time.
 * Someone else's draft id rolls everything back with not_found.
 */
export async function publishBlog(viewer: SignedInViewer, input: PublishBlogInput): Promise<PublishedBlog> {
  const rendered = renderMarkdown(input.source, await existingHandles(mentionCandidates(input.source)));
  const aud = await resolveAudience(viewer.id, input);
  const boss = await getBoss();
  const key = input.clientKey ?? null;
  const existingId = async () =>
    key ? (await db.post.findUnique({ where: { authorId_clientKey: { authorId: viewer.id, clientKey: key } }, select: { id: true } }))?.id : undefined;

  const id = await db.$transaction(async (tx) => {
    if (key) {
      const existing = await tx.post.findUnique({ where: { authorId_clientKey: { authorId: viewer.id, clientKey: key } }, select: { id: true } });
      if (existing) return existing.id;
    }
    // ON CONFLICT DO NOTHING: a concurrent retry with the same key loses quietly.
    const inserted = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO posts (author_id, kind, title, body, audience, audience_group_ids, audience_user_ids, client_key)
      VALUES (${viewer.id}, 'blog', ${input.title}, ${rendered.excerpt}, ${aud.audience}::audience, ${aud.audienceGroupIds}::int[], ${aud.audienceUserIds}::int[], ${key}::uuid)
      ON CONFLICT (author_id, client_key) DO NOTHING
      RETURNING id`;
    const created = inserted[0];
    if (!created) return null;
    if (input.draftId !== undefined) {
      const { count } = await tx.blogDraft.deleteMany({ where: { id: input.draftId, authorId: viewer.id } });
      if (count === 0) throw notFound();
    }
    const coverMediaId = await attachImages(tx, { postId: created.id, authorId: viewer.id, imageIds: rendered.imageIds });
    await tx.blogPost.create({ data: { postId: created.id, source: input.source, html: rendered.html, coverMediaId } });
    await deliverToSelf(tx, created.id, viewer.id);
    await enqueueInTx(boss, tx, QUEUES.feedFanOut, { postId: created.id });
    return created.id;
  });
  // Lost the race to a concurrent request with the same key: that one's blog is the answer.
  const postId = id ?? (await existingId())!;
  // People mentioned who may see the blog are told, after commit (once each, however often it is published or edited).
  await notifyPostMentions(postId, viewer.id, rendered.mentions);
  return { id: String(postId), href: `/u/${viewer.handle}/blog/${postId}` };
}
