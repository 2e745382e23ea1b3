import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import type { ReplyMessageInput } from "@/lib/validation/guestbook";
import { loadEntryFor } from "./load-entry";
import { ENTRY_SELECT, presentEntry } from "./present-entry";
import { withMentionLinks } from "@/server/mentions/mention-links";

/** The owner's reply to a message on their guestbook: one per message; replying again replaces it. */
export async function replyMessage(viewer: SignedInViewer, input: ReplyMessageInput) {
  const row = await db.$transaction(async (tx) => {
    await loadEntryFor(tx, viewer.id, input.entryId, "reply");
    return tx.guestbookEntry.update({ where: { id: input.entryId }, data: { reply: input.reply, repliedAt: new Date() }, select: ENTRY_SELECT });
  });
  const entry = presentEntry(row, viewer.id);
  await withMentionLinks([entry, ...(entry.reply ? [entry.reply] : [])]);
  return entry;
}
