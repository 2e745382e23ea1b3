import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { notFound } from "@/server/errors";
import type { DraftRef } from "@/lib/validation/blog";

/** Discards one of the viewer's drafts; anyone else's id answers like a missing one. */
export async function deleteDraft(viewer: SignedInViewer, input: DraftRef): Promise<void> {
  const { count } = await db.blogDraft.deleteMany({ where: { id: input.draftId, authorId: viewer.id } });
  if (count === 0) throw notFound();
}
