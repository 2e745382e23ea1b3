import "server-only";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";

/**
 * The owner of the guestbook at /u/<handle>/guestbook. Every space is
 * visible to everyone today; when blocking arrives, its check belongs here
 * (a blocked visitor's guestbook answers like a missing space).
 */
export async function guestbookOwner(handle: string) {
  const owner = await db.user.findUnique({ where: { handle: handle.toLowerCase() }, select: { id: true, guestbookApproval: true } });
  if (!owner) throw notFound();
  return owner;
}
