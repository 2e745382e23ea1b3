import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { AppError, notFound } from "@/server/errors";
import { requireAdmin } from "@/server/privacy/admin";
import { deletePost } from "@/server/posts/delete-post";
import type { ReportRefInput } from "@/lib/validation/reports";

export type ReportStatus = "open" | "dismissed" | "actioned";
export type Resolved = { status: ReportStatus };

/** The report's current status, or not_found. */
async function statusOf(reportId: number): Promise<Resolved> {
  const row = await db.report.findUnique({ where: { id: reportId }, select: { status: true } });
  if (!row) throw notFound();
  return { status: row.status as ReportStatus };
}

/**
 * Closes an open report without action, recording who and when. Repeating it
 * (a double-click, two admins at once) changes nothing and answers with the
 * status the report already has.
 */
export async function dismissReport(viewer: SignedInViewer, input: ReportRefInput): Promise<Resolved> {
  const grant = await requireAdmin(viewer);
  const { count } = await db.report.updateMany({
    where: { id: input.reportId, status: "open" },
    data: { status: "dismissed", resolvedAt: new Date(), resolvedById: grant.adminId },
  });
  return count ? { status: "dismissed" } : statusOf(input.reportId);
}

/**
 * Removes the reported item through the normal delete path, with the admin as
 * the actor (its media and files go the usual way), and closes every open
 * report on that item as "actioned". An item already gone (its author deleted
 * it, or another admin was quicker) just closes the reports.
 */
export async function removeReportedItem(viewer: SignedInViewer, input: ReportRefInput): Promise<Resolved> {
  const grant = await requireAdmin(viewer);
  const report = await db.report.findUnique({ where: { id: input.reportId }, select: { status: true, postId: true, targetUserId: true } });
  if (!report) throw notFound();
  if (report.targetUserId !== null) throw new AppError("invalid", "reportNotAnItem");
  if (report.status !== "open") return { status: report.status as ReportStatus };
  // Deleting the post sets reports.post_id to null: note which reports were about it first.
  const ids = report.postId
    ? (await db.report.findMany({ where: { postId: report.postId, status: "open" }, select: { id: true } })).map((r) => r.id)
    : [input.reportId];
  if (report.postId) {
    try {
      await deletePost(viewer, { postId: report.postId }, grant);
    } catch (err) {
      if (!(err instanceof AppError && err.code === "not_found")) throw err;
    }
  }
  await db.report.updateMany({
    where: { id: { in: ids }, status: "open" },
    data: { status: "actioned", resolvedAt: new Date(), resolvedById: grant.adminId },
  });
  return { status: "actioned" };
}
