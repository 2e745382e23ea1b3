import "server-only";
import { MAX_MENTIONS } from "@/lib/mentions";
import { accessTo, canSeeGuestbookEntry, canViewItem, canViewSpace, type GuestbookAccess, type Guarded } from "@/server/privacy";
import { usersByHandle } from "./existing-handles";

/**
 * Who among the mentioned may be told about it: existing accounts other than
 * the writer, at most MAX_MENTIONS, who may see the thing the mention is in
 * (asked of the privacy module, one access query per person: there are at
 * most ten). Blocks either way are excluded here (the blocked relation sees
 * nothing) and again by notify().
 */
async function mentionable(handles: readonly string[], writerId: number, canSee: (userId: number) => Promise<boolean>): Promise<number[]> {
  const users = (await usersByHandle(handles.slice(0, MAX_MENTIONS * 2))).filter((u) => u.id !== writerId).slice(0, MAX_MENTIONS);
  const seen = await Promise.all(users.map(async (u) => ((await canSee(u.id)) ? u.id : null)));
  return seen.filter((id): id is number => id !== null);
}

/** Mentioned people who may see the item (a status post, a blog, or the item a comment is on). */
export function itemMentionees(item: Guarded, handles: readonly string[], writerId: number): Promise<number[]> {
  return mentionable(handles, writerId, async (userId) => canViewItem(await accessTo({ id: userId }, item.ownerId), item));
}

/**
 * Mentioned people who may see a guestbook message: the guestbook rule (a
 * private or pending message: only the owner and the writer) and the space
 * itself (not blocked by or blocking its owner).
 */
export function guestbookMentionees(entry: GuestbookAccess, handles: readonly string[], writerId: number): Promise<number[]> {
  return mentionable(handles, writerId, async (userId) => {
    if (!canSeeGuestbookEntry(userId, entry)) return false;
    return userId === entry.ownerId || canViewSpace(await accessTo({ id: userId }, entry.ownerId));
  });
}
