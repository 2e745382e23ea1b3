// Wire shapes of friend groups (no server imports: components import these types).

/** A friend, as the groups page and the audience picker list them. */
export type FriendView = { id: number; handle: string; displayName: string; avatarUrl: string | null };

/** One of the viewer's groups, with its members (always current friends). */
export type GroupView = { id: number; name: string; members: FriendView[] };

/** What the audience picker offers: the owner's groups and friends. */
export type AudienceChoices = { groups: { id: number; name: string; memberCount: number }[]; friends: FriendView[] };

/**
 * For its owner only: whom an item with audience CUSTOM was shown to, by name
 * (the card's badge: "Classmates, Family") and id (the picker's checkboxes).
 * Groups since deleted and friends no longer friends are left out: they are
 * not in the audience any more.
 */
export type ChosenAudience = { groups: { id: number; name: string }[]; users: { id: number; displayName: string }[] };
