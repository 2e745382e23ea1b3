// The rules of who may see what, as data. Everything else in the privacy
// module (single-item checks, list filters, the feed's SQL, media URLs) is
// derived from these two tables, so there is no second copy of the rules.

import type { Audience } from "@/lib/audiences";
export { AUDIENCES, type Audience } from "@/lib/audiences";

/**
 * How the viewer stands towards the owner of an item. A former friend is a
 * "stranger" (or "follower"): nothing about a past friendship grants access.
 * "blocked": either of the two blocked the other; they see nothing of each other.
 */
export type Relation = "owner" | "friend" | "follower" | "stranger" | "anonymous" | "blocked";
export const RELATIONS: readonly Relation[] = ["owner", "friend", "follower", "stranger", "anonymous", "blocked"];

/** Audiences a relation sees, whatever the item. */
export const VISIBLE_AUDIENCES: Record<Relation, readonly Audience[]> = {
  owner: ["PUBLIC", "FRIENDS", "CUSTOM", "ONLY_ME"],
  friend: ["PUBLIC", "FRIENDS"],
  follower: ["PUBLIC"],
  stranger: ["PUBLIC"],
  anonymous: ["PUBLIC"],
  blocked: [],
};

/**
 * Audiences a relation sees only when it is among the item's chosen viewers
 * (one of its chosen friends, or in one of its chosen groups). Only a current
 * friend qualifies: an ex-friend left in a group, or named on an old item, sees nothing.
 */
export const CHOSEN_AUDIENCES: Record<Relation, readonly Audience[]> = {
  owner: [],
  friend: ["CUSTOM"],
  follower: [],
  stranger: [],
  anonymous: [],
  blocked: [],
};

/**
 * What the rules need to know about a viewer, for one owner: the relation,
 * and who the viewer is among chosen viewers (their user id, and the owner's
 * friend groups they are in). A preview ("view my space as...") has no user
 * id and the groups being previewed.
 */
export type Access = { relation: Relation; userId: number | null; groupIds: readonly number[] };

/** An item as the rules need it. */
export type AudienceOf = { audience: Audience; audienceGroupIds?: readonly number[] | null; audienceUserIds?: readonly number[] | null };

export function isChosen(access: Access, item: AudienceOf): boolean {
  if (access.userId != null && item.audienceUserIds?.includes(access.userId)) return true;
  return Boolean(item.audienceGroupIds?.some((g) => access.groupIds.includes(g)));
}

export function canView(access: Access | Relation, item: AudienceOf | Audience): boolean {
  const a: Access = typeof access === "string" ? { relation: access, userId: null, groupIds: [] } : access;
  const it: AudienceOf = typeof item === "string" ? { audience: item } : item;
  if (VISIBLE_AUDIENCES[a.relation].includes(it.audience)) return true;
  return CHOSEN_AUDIENCES[a.relation].includes(it.audience) && isChosen(a, it);
}

export type ItemState = "READY" | "PROCESSING" | "FAILED";

/**
 * The audience an item actually has right now: one whose media are still
 * processing (or failed) is its author's alone until it is READY.
 */
export function effectiveAudience(audience: Audience, state: ItemState = "READY"): Audience {
  return state === "READY" ? audience : "ONLY_ME";
}
