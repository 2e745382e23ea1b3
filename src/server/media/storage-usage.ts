import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { quotaBytes } from "./upload-media";

/** How much of their storage quota the viewer uses (shown before they upload). */
export async function getStorageUsage(viewer: SignedInViewer): Promise<{ usedBytes: number; quotaBytes: number }> {
  const agg = await db.media.aggregate({ where: { ownerId: viewer.id }, _sum: { bytes: true } });
  return { usedBytes: Number(agg._sum.bytes ?? 0), quotaBytes: quotaBytes() };
}
