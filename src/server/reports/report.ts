import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { AppError, notFound } from "@/server/errors";
import { POST_GUARD_SELECT, assertCanView, postGuard } from "@/server/privacy";
import type { ReportItemInput, ReportUserInput } from "@/lib/validation/reports";
import { fileReport, type FiledReport } from "./file-report";

/**
 * Reports an item (a posts row of any kind). The reporter must be able to see
 * it: a hidden item answers like a missing one, so reporting cannot be used
 * to probe for items. One's own item cannot be reported (delete it instead).
 */
export async function reportItem(viewer: SignedInViewer, input: ReportItemInput): Promise<FiledReport> {
  const post = await db.post.findUnique({ where: { id: input.postId }, select: { id: true, ...POST_GUARD_SELECT } });
  await assertCanView(viewer, post && postGuard(post));
  if (post!.authorId === viewer.id) throw new AppError("invalid", "reportOwnItem");
  return fileReport(viewer.id, { postId: post!.id }, input);
}

/**
 * Reports a user. Someone who blocked the viewer is hidden from them (their
 * space 404s) and answers like a missing user; someone the viewer blocked can
 * still be reported ("block and report").
 */
export async function reportUser(viewer: SignedInViewer, input: ReportUserInput): Promise<FiledReport> {
  if (input.userId === viewer.id) throw new AppError("invalid", "notYourself");
  const [user, blockedByThem] = await Promise.all([
    db.user.findUnique({ where: { id: input.userId }, select: { id: true } }),
    db.block.findUnique({ where: { blockerId_blockedId: { blockerId: input.userId, blockedId: viewer.id } }, select: { blockerId: true } }),
  ]);
  if (!user || blockedByThem) throw notFound();
  return fileReport(viewer.id, { userId: user.id }, input);
}
