import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { notFound } from "@/server/errors";
import type { Audience } from "@/lib/audiences";
import type { DraftRef } from "@/lib/validation/blog";

export type DraftView = { id: number; title: string; source: string; audience: Audience; audienceGroupIds: number[]; audienceUserIds: number[]; updatedAt: string };

/** One of the viewer's drafts, to resume writing it; anyone else's id is not_found. */
export async function getDraft(viewer: SignedInViewer, input: DraftRef): Promise<DraftView> {
  const row = await db.blogDraft.findFirst({ where: { id: input.draftId, authorId: viewer.id } });
  if (!row) throw notFound();
  return {
    id: row.id,
    title: row.title,
    source: row.source,
    audience: row.audience,
    audienceGroupIds: row.audienceGroupIds ?? [],
    audienceUserIds: row.audienceUserIds ?? [],
    updatedAt: row.updatedAt.toISOString(),
  };
}
