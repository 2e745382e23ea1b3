// The privacy module: the only place that decides whether a viewer may see an
// item. Every read path (space pages, item pages, feed, API, actions, media
// URLs) goes through these functions; a hidden item is reported exactly like
// a missing one (AppError not_found -> the same 404).
import "server-only";
import { notFound } from "@/server/errors";
import { VISIBLE_AUDIENCES, canView, effectiveAudience, type Audience, type ItemState, type Relation } from "./audience";
import { relationTo, type Viewer } from "./relation";

export { canView, effectiveAudience, VISIBLE_AUDIENCES, relationTo };
export { visibleAudiencesSql, visiblePostSql } from "./audience-sql";
export { mediaAccess, assertCanViewMedia } from "./media-access";
export { canSeeGuestbookEntry, canActOnGuestbookEntry, visibleGuestbookFilter, type GuestbookAccess, type GuestbookAction } from "./guestbook";
export type { Audience, ItemState, Relation, Viewer };

export type Guarded = { ownerId: number; audience: Audience; state?: ItemState };

/** Whether `relation` may see an item (audience + processing state). */
export function canViewItem(relation: Relation, item: { audience: Audience; state?: ItemState }): boolean {
  return canView(relation, effectiveAudience(item.audience, item.state));
}

/** Throws not_found unless the viewer may see an item with this owner and audience. */
export async function assertCanView(viewer: Viewer, item: Guarded | null) {
  if (!item) throw notFound();
  const relation = await relationTo(viewer, item.ownerId);
  if (!canViewItem(relation, item)) throw notFound();
  return relation;
}

/** Prisma filter on an audience column for one owner's items that `relation` may see (albums). */
export function visibleAudienceFilter(relation: Relation): { in: Audience[] } {
  return { in: [...VISIBLE_AUDIENCES[relation]] };
}

/**
 * Prisma `where` for one owner's posts (any kind) that `relation` may see:
 * the audience rule, and items still processing are the owner's alone.
 */
export function visiblePostFilter(relation: Relation): { audience: { in: Audience[] }; state?: "READY" } {
  // Derived from the table: whoever may see ONLY_ME items may see unready ones.
  const seesUnready = canView(relation, "ONLY_ME");
  return seesUnready ? { audience: visibleAudienceFilter(relation) } : { audience: visibleAudienceFilter(relation), state: "READY" };
}
