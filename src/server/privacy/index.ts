// The privacy module: the only place that decides whether a viewer may see an
// item. Every read path (space pages, item pages, feed, API, actions, media
// URLs, notifications, reposts) goes through these functions; a hidden item is
// reported exactly like a missing one (AppError not_found -> the same 404).
import "server-only";
import { notFound } from "@/server/errors";
import {
  CHOSEN_AUDIENCES,
  VISIBLE_AUDIENCES,
  canView,
  effectiveAudience,
  type Access,
  type Audience,
  type AudienceOf,
  type ItemState,
  type Relation,
} from "./audience";
import { accessTo, accessToMany, relationTo, type Viewer } from "./relation";

export { canView, effectiveAudience, VISIBLE_AUDIENCES, CHOSEN_AUDIENCES, accessTo, accessToMany, relationTo };
export { visibleAudiencesSql, visiblePostSql } from "./audience-sql";
export { isRepostable } from "./repostable";
export { POST_GUARD_SELECT, ALBUM_GUARD_SELECT, postGuard, albumGuard } from "./guard";
export { mediaAccess, assertCanViewMedia } from "./media-access";
export { canSeeGuestbookEntry, canActOnGuestbookEntry, visibleGuestbookFilter, type GuestbookAccess, type GuestbookAction } from "./guestbook";
export type { Access, Audience, AudienceOf, ItemState, Relation, Viewer };

/** An item as the checks need it: its owner, audience (with chosen viewers) and state. */
export type Guarded = { ownerId: number; audience: Audience; audienceGroupIds: readonly number[] | null; audienceUserIds: readonly number[] | null; state?: ItemState };

/** Whether `access` may see an item (audience, chosen viewers, processing state). */
export function canViewItem(access: Access, item: AudienceOf & { state?: ItemState }): boolean {
  return canView(access, { ...item, audience: effectiveAudience(item.audience, item.state) });
}

/** Throws not_found unless the viewer may see the item; returns the viewer's access to its owner. */
export async function assertCanView(viewer: Viewer, item: Guarded | null): Promise<Access> {
  if (!item) throw notFound();
  const access = await accessTo(viewer, item.ownerId);
  if (!canViewItem(access, item)) throw notFound();
  return access;
}

/** Which of `items` the viewer may see (one query for all their owners). */
export async function visibleItems<T extends Guarded>(viewer: Viewer, items: readonly T[]): Promise<T[]> {
  if (!items.length) return [];
  const access = await accessToMany(viewer, items.map((i) => i.ownerId));
  return items.filter((i) => canViewItem(access.get(i.ownerId)!, i));
}

/** The space itself (header, tabs, guestbook): everyone but a blocked pair. */
export function canViewSpace(access: Access): boolean {
  return access.relation !== "blocked";
}

/**
 * A person's own words and actions (a comment, on anyone's item) are hidden
 * from, and untouchable by, the other side of a block, exactly like their
 * space: throws the same not_found as a missing comment.
 */
export async function assertNotBlockedWith(viewer: Viewer, userId: number): Promise<void> {
  if (!canViewSpace(await accessTo(viewer, userId))) throw notFound();
}

type ChosenWhere = { OR: ({ audienceUserIds: { has: number } } | { audienceGroupIds: { hasSome: number[] } })[] };

function chosenWhere(access: Access): ChosenWhere | null {
  const or: ChosenWhere["OR"] = [];
  if (access.userId != null) or.push({ audienceUserIds: { has: access.userId } });
  if (access.groupIds.length) or.push({ audienceGroupIds: { hasSome: [...access.groupIds] } });
  return or.length ? { OR: or } : null;
}

/** Prisma `where` on audience columns (posts or albums) for one owner's items `access` may see. */
export function visibleAudienceWhere(access: Access) {
  const or: object[] = [{ audience: { in: [...VISIBLE_AUDIENCES[access.relation]] } }];
  const chosen = chosenWhere(access);
  const chosenAudiences = CHOSEN_AUDIENCES[access.relation];
  if (chosen && chosenAudiences.length) or.push({ audience: { in: [...chosenAudiences] }, ...chosen });
  return { AND: [{ OR: or }] };
}

/**
 * Prisma `where` for one owner's posts (any kind) that `access` may see: the
 * audience rule, and items still processing are the owner's alone.
 */
export function visiblePostFilter(access: Access): { AND: object[]; state?: "READY" } {
  // Derived from the table: whoever may see ONLY_ME items may see unready ones.
  const seesUnready = canView(access.relation, "ONLY_ME");
  return seesUnready ? visibleAudienceWhere(access) : { ...visibleAudienceWhere(access), state: "READY" };
}
