import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import type { LeaveMessageInput } from "@/lib/validation/guestbook";
import { guestbookOwner } from "./guestbook-owner";
import { ENTRY_SELECT, presentEntry } from "./present-entry";
import { mentionedHandles } from "@/lib/mentions";
import { guestbookMentionees } from "@/server/mentions/mention-recipients";
import { withMentionLinks } from "@/server/mentions/mention-links";
import { notify } from "@/server/notifications/notify";
import { notifyMentions } from "@/server/notifications/notify-mentions";

/**
 * Leaves a message on a space's guestbook, written by the viewer. With the
 * owner's "require approval" on, a visitor's message waits (approved=false);
 * the owner's own never does. A repeated clientKey (double-click, retry)
 * returns the message created the first time instead of a second one.
 */
export async function leaveMessage(viewer: SignedInViewer, input: LeaveMessageInput) {
  const owner = await guestbookOwner(input.handle, viewer);
  const isOwner = owner.id === viewer.id;
  const key = input.clientKey ?? null;
  const byKey = key ? { authorId_clientKey: { authorId: viewer.id, clientKey: key } } : null;
  if (byKey) {
    const existing = await db.guestbookEntry.findUnique({ where: byKey, select: ENTRY_SELECT });
    if (existing) return presentEntry(existing, viewer.id);
  }
  // On their own guestbook "only the owner and the writer" is the owner alone: nothing to hide.
  const isPrivate = input.private && !isOwner;
  const approved = isOwner || !owner.guestbookApproval;
  // Mentioned people who may see this message (a private or pending one: nobody but the owner).
  const mentioned = await guestbookMentionees({ ownerId: owner.id, authorId: viewer.id, private: isPrivate, approved }, mentionedHandles(input.body), viewer.id);
  const inserted = await db.$transaction(async (tx) => {
    // ON CONFLICT DO NOTHING: a concurrent retry with the same key loses quietly.
    const rows = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO guestbook_entries (owner_id, author_id, body, private, approved, client_key)
      VALUES (${owner.id}, ${viewer.id}, ${input.body}, ${isPrivate}, ${approved}, ${key}::uuid)
      ON CONFLICT (author_id, client_key) DO NOTHING
      RETURNING id`;
    const entryId = rows[0]?.id;
    if (entryId !== undefined) {
      await notify(tx, { type: "guestbook", recipientId: owner.id, actorId: viewer.id, guestbookEntryId: entryId });
      await notifyMentions(tx, mentioned, { actorId: viewer.id, guestbookEntryId: entryId }, [owner.id]);
    }
    return rows;
  });
  const where = inserted[0] ? { id: inserted[0].id } : byKey!;
  const [entry] = await withMentionLinks([presentEntry(await db.guestbookEntry.findUniqueOrThrow({ where, select: ENTRY_SELECT }), viewer.id)]);
  return entry!;
}
