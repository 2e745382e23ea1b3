import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { notFound } from "@/server/errors";
import { canActOnGuestbookEntry, type GuestbookAccess, type GuestbookAction } from "@/server/privacy";

/**
 * The message the viewer wants to act on, locked for the rest of the
 * transaction. One they may not see or act on answers exactly like a
 * missing one (not_found), so a forged id learns nothing and changes nothing.
 */
export async function loadEntryFor(tx: Prisma.TransactionClient, viewerId: number, entryId: number, action: GuestbookAction): Promise<GuestbookAccess & { id: number }> {
  const rows = await tx.$queryRaw<(GuestbookAccess & { id: number })[]>`
    SELECT id, owner_id AS "ownerId", author_id AS "authorId", private, approved
    FROM guestbook_entries WHERE id = ${entryId} FOR UPDATE`;
  const entry = rows[0];
  if (!entry || !canActOnGuestbookEntry(viewerId, entry, action)) throw notFound();
  return entry;
}
