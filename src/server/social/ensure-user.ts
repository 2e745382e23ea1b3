import "server-only";
import { db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";

/** The target of a relationship action: it must exist and not be the viewer. */
export async function ensureOtherUser(viewerId: number, userId: number) {
  if (userId === viewerId) throw new AppError("invalid", "notYourself");
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) throw notFound();
  return user;
}
