import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { notFound } from "@/server/errors";
import type { SaveDraftInput } from "@/lib/validation/blog";

export type SavedDraft = { id: number; updatedAt: string };

/**
 * The editor's auto-save: creates the viewer's draft on the first save, then
 * overwrites it. Someone else's draft id answers like a missing one and
 * changes nothing.
 */
export async function saveDraft(viewer: SignedInViewer, input: SaveDraftInput): Promise<SavedDraft> {
  const custom = input.audience === "CUSTOM";
  const data = {
    title: input.title,
    source: input.source,
    audience: input.audience,
    audienceGroupIds: custom ? input.audienceGroupIds : [],
    audienceUserIds: custom ? input.audienceUserIds : [],
  };
  if (input.draftId === undefined) {
    const row = await db.blogDraft.create({ data: { ...data, authorId: viewer.id }, select: { id: true, updatedAt: true } });
    return { id: row.id, updatedAt: row.updatedAt.toISOString() };
  }
  const { count } = await db.blogDraft.updateMany({ where: { id: input.draftId, authorId: viewer.id }, data: { ...data, updatedAt: new Date() } });
  if (count === 0) throw notFound();
  return { id: input.draftId, updatedAt: new Date().toISOString() };
}
