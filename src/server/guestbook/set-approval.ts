import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import type { SetApprovalInput } from "@/lib/validation/guestbook";

/**
 * The owner's "require approval" switch for their own guestbook (the viewer
 * is always the owner: there is no owner id to forge). Turning it off does
 * not approve messages already waiting; the owner decides on each.
 */
export async function setApproval(viewer: SignedInViewer, input: SetApprovalInput) {
  const user = await db.user.update({ where: { id: viewer.id }, data: { guestbookApproval: input.enabled }, select: { guestbookApproval: true } });
  return { enabled: user.guestbookApproval };
}
