import "server-only";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { accessTo, canViewSpace, type Viewer } from "@/server/privacy";

/**
 * The owner of the guestbook at /u/<handle>/guestbook, as `viewer` may reach
 * it: a blocked pair (either direction) gets the same not_found as a missing
 * space, so a blocked visitor can neither read nor write there.
 */
export async function guestbookOwner(handle: string, viewer: Viewer) {
  const owner = await db.user.findUnique({ where: { handle: handle.toLowerCase() }, select: { id: true, guestbookApproval: true } });
  if (!owner) throw notFound();
  if (!canViewSpace(await accessTo(viewer, owner.id))) throw notFound();
  return owner;
}
