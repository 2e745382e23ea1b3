import "server-only";
import { db } from "@/server/db";

/**
 * Which of these comments the viewer liked: one query for a whole page of
 * comments (for the comments list; the counts are comments.like_count).
 */
export async function commentLikesByMe(viewerId: number | undefined, commentIds: number[]): Promise<Set<number>> {
  if (!viewerId || !commentIds.length) return new Set();
  const rows = await db.commentLike.findMany({ where: { userId: viewerId, commentId: { in: commentIds } }, select: { commentId: true } });
  return new Set(rows.map((r) => r.commentId));
}
