// The rules of who may see what, as data. Everything else in the privacy
// module (single-item checks, list filters, the feed's SQL) is derived from
// this one table, so there is no second copy of the rules to drift.

import type { Audience } from "@/lib/audiences";
export { AUDIENCES, type Audience } from "@/lib/audiences";

/**
 * How the viewer stands towards the owner of an item. A former friend is a
 * "stranger" (or "follower"): nothing about a past friendship grants access.
 */
export type Relation = "owner" | "friend" | "follower" | "stranger" | "anonymous";
export const RELATIONS: readonly Relation[] = ["owner", "friend", "follower", "stranger", "anonymous"];

export const VISIBLE_AUDIENCES: Record<Relation, readonly Audience[]> = {
  owner: ["PUBLIC", "FRIENDS", "ONLY_ME"],
  friend: ["PUBLIC", "FRIENDS"],
  follower: ["PUBLIC"],
  stranger: ["PUBLIC"],
  anonymous: ["PUBLIC"],
};

export function canView(relation: Relation, audience: Audience): boolean {
  return VISIBLE_AUDIENCES[relation].includes(audience);
}

export type ItemState = "READY" | "PROCESSING" | "FAILED";

/**
 * The audience an item actually has right now: one whose media are still
 * processing (or failed) is its author's alone until it is READY.
 */
export function effectiveAudience(audience: Audience, state: ItemState = "READY"): Audience {
  return state === "READY" ? audience : "ONLY_ME";
}
