import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { notFound } from "@/server/errors";
import type { Audience } from "@/lib/audiences";

export type BlogSource = { postId: number; title: string; source: string; audience: Audience; audienceGroupIds: number[]; audienceUserIds: number[] };

/** The Markdown of one of the viewer's own blogs, for the editor; anyone else's is not_found. */
export async function getBlogForEdit(viewer: SignedInViewer, input: { postId: number }): Promise<BlogSource> {
  const row = await db.post.findFirst({
    where: { id: input.postId, authorId: viewer.id, kind: "blog" },
    select: { id: true, title: true, audience: true, audienceGroupIds: true, audienceUserIds: true, blog: { select: { source: true } } },
  });
  if (!row?.blog) throw notFound();
  // The editor's audience picker keeps only the ids still on offer (own groups, current friends).
  return { postId: row.id, title: row.title ?? "", source: row.blog.source, audience: row.audience, audienceGroupIds: row.audienceGroupIds, audienceUserIds: row.audienceUserIds };
}
