import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { presentAuthor, type AuthorView } from "@/server/presenters/post";

export type BlockedUser = AuthorView & { blockedAt: string };

/**
 * The people the viewer blocked, newest first, for the settings section.
 * (Who blocked the viewer is never listed anywhere.)
 */
export async function listBlocked(viewer: SignedInViewer): Promise<BlockedUser[]> {
  const rows = await db.block.findMany({
    where: { blockerId: viewer.id },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, blocked: { select: { id: true, handle: true, displayName: true, avatarMediaId: true } } },
    take: 500,
  });
  // No avatar image: a blocked pair's files answer 404 to each other (privacy module), so initials it is.
  return rows.map((r) => ({ ...presentAuthor(r.blocked), avatarUrl: null, blockedAt: r.createdAt.toISOString() }));
}
