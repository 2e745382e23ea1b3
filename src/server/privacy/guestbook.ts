// Who may see (and act on) a guestbook message, as data. The single-message
// check and the list/count filter are both derived from GUESTBOOK_RULES, so
// the list, its count and every mutation apply the same rule. The list/count
// filter (and its SQL twin, guestbook-sql.ts) also leave out messages across
// a block, which needs the blocks table: the single-message check does not,
// so the owner may still act on a message they can no longer see, as with
// comments on their items (delete-comment.ts).

/** A message as the rule needs it. */
export type GuestbookAccess = { ownerId: number; authorId: number; private: boolean; approved: boolean };

/** How the viewer stands towards one message: the space's owner, its writer, or anyone else (signed in or not). */
export type GuestbookRole = "owner" | "writer" | "other";

/**
 * Per role: may they see private (悄悄话) messages and pending ones (awaiting
 * approval), and what may they do. A message is seen when each of its
 * restrictions is allowed for the role.
 */
export const GUESTBOOK_RULES = {
  owner: { seesPrivate: true, seesPending: true, mayReply: true, mayApprove: true, mayDelete: true },
  writer: { seesPrivate: true, seesPending: true, mayReply: false, mayApprove: false, mayDelete: true },
  other: { seesPrivate: false, seesPending: false, mayReply: false, mayApprove: false, mayDelete: false },
} as const satisfies Record<GuestbookRole, Record<string, boolean>>;

export type GuestbookAction = "reply" | "approve" | "delete";
const ACTION_RULE = { reply: "mayReply", approve: "mayApprove", delete: "mayDelete" } as const;

/** The owner is "owner" even on messages they wrote themselves. */
export function guestbookRole(viewerId: number | null | undefined, entry: Pick<GuestbookAccess, "ownerId" | "authorId">): GuestbookRole {
  if (viewerId == null) return "other";
  if (viewerId === entry.ownerId) return "owner";
  if (viewerId === entry.authorId) return "writer";
  return "other";
}

export function canSeeGuestbookEntry(viewerId: number | null | undefined, entry: GuestbookAccess): boolean {
  const rule = GUESTBOOK_RULES[guestbookRole(viewerId, entry)];
  return (rule.seesPrivate || !entry.private) && (rule.seesPending || entry.approved);
}

/** Seeing comes first: an action on a message the viewer cannot see is never allowed. */
export function canActOnGuestbookEntry(viewerId: number | null | undefined, entry: GuestbookAccess, action: GuestbookAction): boolean {
  return canSeeGuestbookEntry(viewerId, entry) && GUESTBOOK_RULES[guestbookRole(viewerId, entry)][ACTION_RULE[action]];
}

type Restriction = { private?: false; approved?: true };
/** The writer is on neither side of a block with the viewer (Prisma's form of relation-sql.ts blockedPairSql). */
type NotBlockedWith = { blocksMade: { none: { blockedId: number } }; blocksReceived: { none: { blockerId: number } } };
export type GuestbookWhere = { ownerId: number; OR?: (Restriction & { authorId?: number })[]; author?: NotBlockedWith } & Restriction;

function restrictionsOf(role: GuestbookRole): Restriction {
  const rule = GUESTBOOK_RULES[role];
  return { ...(rule.seesPrivate ? {} : { private: false as const }), ...(rule.seesPending ? {} : { approved: true as const }) };
}

/**
 * Prisma `where` for the messages on `ownerId`'s guestbook that the viewer
 * may see: the owner's role on all of them; otherwise the "other" role's
 * restrictions, lifted by the "writer" role's on the viewer's own messages.
 * Like comments, and whoever the viewer is (the owner too), never a message
 * written by someone the viewer blocked or was blocked by.
 */
export function visibleGuestbookFilter(viewerId: number | null | undefined, ownerId: number): GuestbookWhere {
  const unblocked = viewerId ? { author: notBlockedWith(viewerId) } : {};
  if (viewerId === ownerId) return { ownerId, ...restrictionsOf("owner"), ...unblocked };
  const others = restrictionsOf("other");
  if (viewerId == null) return { ownerId, ...others };
  return { ownerId, OR: [others, { authorId: viewerId, ...restrictionsOf("writer") }], ...unblocked };
}

function notBlockedWith(viewerId: number): NotBlockedWith {
  return { blocksMade: { none: { blockedId: viewerId } }, blocksReceived: { none: { blockerId: viewerId } } };
}
