import "server-only";
import { db } from "@/server/db";
import { visibleGuestbookFilter, type Viewer } from "@/server/privacy";
import type { Page } from "@/server/presenters/post";
import { guestbookOwner } from "./guestbook-owner";
import { ENTRY_SELECT, presentEntry, type GuestbookEntryView } from "./present-entry";
import { withMentionLinks } from "@/server/mentions/mention-links";

export const GUESTBOOK_PAGE_SIZE = 20;

/** The messages on a guestbook that the viewer may see, newest first, keyset-paginated by id. */
export async function listMessages(viewer: Viewer, input: { handle: string; before?: number; limit?: number }): Promise<Page<GuestbookEntryView>> {
  const owner = await guestbookOwner(input.handle, viewer);
  const limit = input.limit ?? GUESTBOOK_PAGE_SIZE;
  const rows = await db.guestbookEntry.findMany({
    where: { AND: [visibleGuestbookFilter(viewer?.id, owner.id), input.before ? { id: { lt: input.before } } : {}] },
    select: ENTRY_SELECT,
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const items = rows.slice(0, limit).map((r) => presentEntry(r, viewer?.id));
  // @mentions in messages and the owner's replies become links (one query for the page, none without mentions).
  await withMentionLinks([...items, ...items.flatMap((i) => (i.reply ? [i.reply] : []))]);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}

/**
 * The guestbook's header: how many messages the viewer may see, how many of
 * those await approval (the owner's queue; a writer's own waiting ones), and
 * whether new messages need approval. Counts go through the same filter as
 * the list, so they never reveal a message the viewer cannot see.
 */
export async function guestbookSummary(viewer: Viewer, input: { handle: string }) {
  const owner = await guestbookOwner(input.handle, viewer);
  const visible = visibleGuestbookFilter(viewer?.id, owner.id);
  const [total, pending] = await Promise.all([
    db.guestbookEntry.count({ where: visible }),
    // AND, not a spread: the filter may itself constrain `approved`.
    db.guestbookEntry.count({ where: { AND: [visible, { approved: false }] } }),
  ]);
  return { total, pending, approvalRequired: owner.guestbookApproval, isOwner: viewer?.id === owner.id };
}
export type GuestbookSummary = Awaited<ReturnType<typeof guestbookSummary>>;
