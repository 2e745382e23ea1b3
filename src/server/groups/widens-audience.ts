import "server-only";
import { canView, RELATIONS, type Access, type AudienceOf } from "@/server/privacy/audience";

/**
 * Someone who could not see an item with audience `from` may see it with
 * `to`: then the fan-out must run again (inboxes it never reached). Derived
 * from the privacy table, not from a ranking of our own: every relation is
 * tried plain, and as each viewer `to` names (a chosen friend, a member of a
 * chosen group), so ONLY_ME -> CUSTOM or adding a group to CUSTOM widens,
 * and so does CUSTOM -> FRIENDS (the friends who were not chosen).
 */
export function widensAudience(from: AudienceOf, to: AudienceOf): boolean {
  const probes: Omit<Access, "relation">[] = [
    { userId: null, groupIds: [] },
    ...(to.audienceUserIds ?? []).map((u) => ({ userId: u, groupIds: [] })),
    ...(to.audienceGroupIds ?? []).map((g) => ({ userId: null, groupIds: [g] })),
  ];
  return RELATIONS.some((relation) => probes.some((p) => canView({ relation, ...p }, to) && !canView({ relation, ...p }, from)));
}
