import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";

export type DraftSummary = { id: number; title: string; updatedAt: string };

const MAX_DRAFTS_SHOWN = 50;

/** The viewer's own drafts, most recently edited first (nobody else ever sees them). */
export async function listDrafts(viewer: SignedInViewer): Promise<DraftSummary[]> {
  const rows = await db.blogDraft.findMany({
    where: { authorId: viewer.id },
    select: { id: true, title: true, updatedAt: true },
    orderBy: { updatedAt: "desc" },
    take: MAX_DRAFTS_SHOWN,
  });
  return rows.map((r) => ({ id: r.id, title: r.title, updatedAt: r.updatedAt.toISOString() }));
}
