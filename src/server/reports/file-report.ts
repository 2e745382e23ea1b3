import "server-only";
import { db } from "@/server/db";
import type { ReportReason } from "@/lib/report-reasons";

export type Target = { postId: number } | { userId: number };
export type FiledReport = { reportId: number; alreadyReported: boolean };

/**
 * Files a report unless the reporter already has an open one on the same
 * target (a double-click, or reporting twice): then that one is returned.
 * There is no unique index for "open" reports, so the check and the insert run
 * under a transaction-scoped advisory lock on (reporter, target): concurrent
 * submissions queue up and the second sees the first.
 */
export async function fileReport(reporterId: number, target: Target, input: { reason: ReportReason; note: string }): Promise<FiledReport> {
  const isPost = "postId" in target;
  const lockKey = `report:${reporterId}:${isPost ? `post:${target.postId}` : `user:${target.userId}`}`;
  // An item report names the item only; a user report names the user and no item.
  const where = isPost ? { postId: target.postId } : { targetUserId: target.userId, postId: null };
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))::text`;
    const open = await tx.report.findFirst({ where: { reporterId, status: "open", ...where }, select: { id: true } });
    if (open) return { reportId: open.id, alreadyReported: true };
    const created = await tx.report.create({
      data: { reporterId, reason: input.reason, note: input.note, ...(isPost ? { postId: target.postId } : { targetUserId: target.userId }) },
      select: { id: true },
    });
    return { reportId: created.id, alreadyReported: false };
  });
}
