import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import type { MessageRefInput } from "@/lib/validation/guestbook";
import { loadEntryFor } from "./load-entry";

/** The owner deletes any message on their guestbook, a writer their own; anyone else's id answers like a missing one. */
export async function deleteMessage(viewer: SignedInViewer, input: MessageRefInput) {
  await db.$transaction(async (tx) => {
    await loadEntryFor(tx, viewer.id, input.entryId, "delete");
    await tx.guestbookEntry.delete({ where: { id: input.entryId } });
  });
  return { id: String(input.entryId) };
}
