import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import type { LeaveMessageInput } from "@/lib/validation/guestbook";
import { guestbookOwner } from "./guestbook-owner";
import { ENTRY_SELECT, presentEntry } from "./present-entry";

/**
 * Leaves a message on a space's guestbook, written by the viewer. With the
 * owner's "require approval" on, a visitor's message waits (approved=false);
 * the owner's own never does. A repeated clientKey (double-click, retry)
 * returns the message created the first time instead of a second one.
 */
export async function leaveMessage(viewer: SignedInViewer, input: LeaveMessageInput) {
  const owner = await guestbookOwner(input.handle);
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
  // ON CONFLICT DO NOTHING: a concurrent retry with the same key loses quietly.
  const inserted = await db.$queryRaw<{ id: number }[]>`
    INSERT INTO guestbook_entries (owner_id, author_id, body, private, approved, client_key)
    VALUES (${owner.id}, ${viewer.id}, ${input.body}, ${isPrivate}, ${approved}, ${key}::uuid)
    ON CONFLICT (author_id, client_key) DO NOTHING
    RETURNING id`;
  const where = inserted[0] ? { id: inserted[0].id } : byKey!;
  return presentEntry(await db.guestbookEntry.findUniqueOrThrow({ where, select: ENTRY_SELECT }), viewer.id);
}
