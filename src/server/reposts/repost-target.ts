import "server-only";
import { db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { POST_GUARD_SELECT, accessTo, assertCanView, canViewItem, postGuard, type Access, type Viewer, isRepostable } from "@/server/privacy";

/** The original of a repost is gone or hidden from this viewer: the same answer for both. */
export const originalGone = () => new AppError("not_found", "repostOriginalGone");
/** Only PUBLIC (and READY) items may be reposted: a repost must never widen who sees an item. */
export const notRepostable = () => new AppError("forbidden", "repostNotPublic");

export type RepostTarget = { originalId: number; authorId: number; access: Access };

/**
 * What "Repost" on item `postId` reposts, checked against the privacy module:
 * the item itself, or for a repost its original (QZone: reposting a repost
 * reposts the original). The clicked item must be visible (else not_found,
 * like a missing id); a repost's original that is deleted or hidden from the
 * viewer answers "original gone" in both cases. Returns the viewer's access to
 * the original's author, so the caller re-checks the row under a lock without
 * another query.
 */
export async function resolveRepostTarget(viewer: Viewer, postId: number): Promise<RepostTarget> {
  const clicked = await db.post.findUnique({ where: { id: postId }, select: { id: true, kind: true, repostOfId: true, ...POST_GUARD_SELECT } });
  const clickedAccess = await assertCanView(viewer, clicked && postGuard(clicked));
  if (clicked!.kind !== "repost") {
    assertRepostable(clickedAccess, clicked!);
    return { originalId: clicked!.id, authorId: clicked!.authorId, access: clickedAccess };
  }
  if (clicked!.repostOfId == null) throw originalGone();
  const original = await db.post.findUnique({ where: { id: clicked!.repostOfId }, select: { id: true, ...POST_GUARD_SELECT } });
  if (!original) throw originalGone();
  const access = await accessTo(viewer, original.authorId);
  if (!canViewItem(access, postGuard(original))) throw originalGone();
  assertRepostable(access, original);
  return { originalId: original.id, authorId: original.authorId, access };
}

type GuardRow = Parameters<typeof postGuard>[0];

/** The (visible) item is PUBLIC and READY; friends-only, CUSTOM, only-me and unprocessed items are refused. */
export function assertRepostable(access: Access, row: GuardRow) {
  if (!canViewItem(access, postGuard(row))) throw notFound();
  if (!isRepostable(row)) throw notRepostable();
}
