import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import type { MessageRefInput } from "@/lib/validation/guestbook";
import { loadEntryFor } from "./load-entry";
import { ENTRY_SELECT, presentEntry } from "./present-entry";
import { withMentionLinks } from "@/server/mentions/mention-links";
import { notifyGuestbookMentions } from "@/server/notifications/notify-mentions";

/** The owner approves a pending message: from now on everyone its privacy allows sees it. */
export async function approveMessage(viewer: SignedInViewer, input: MessageRefInput) {
  const row = await db.$transaction(async (tx) => {
    await loadEntryFor(tx, viewer.id, input.entryId, "approve");
    return tx.guestbookEntry.update({ where: { id: input.entryId }, data: { approved: true }, select: ENTRY_SELECT });
  });
  // Now visible to everyone it is not private to: people it mentions may be told (after commit, once).
  await notifyGuestbookMentions(row);
  const [entry] = await withMentionLinks([presentEntry(row, viewer.id)]);
  return entry!;
}
