import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import type { MarkAllReadInput, MarkReadInput } from "@/lib/validation/notifications";
import { targetSql } from "./notification-sql";

/**
 * Opening a row marks its whole group read (every unread notification of the
 * viewer with the same type and target as notification `id`). Someone
 * else's id, or a missing one, changes nothing and says nothing.
 */
export async function markRead(viewer: SignedInViewer, input: MarkReadInput): Promise<{ ok: true }> {
  await db.$executeRaw`
    UPDATE notifications n SET read_at = now()
    FROM notifications o
    WHERE o.id = ${input.id} AND o.user_id = ${viewer.id}
      AND n.user_id = o.user_id AND n.read_at IS NULL AND n.id <= o.id
      AND n.type = o.type AND ${targetSql("n")} = ${targetSql("o")}`;
  return { ok: true };
}

/** Marks everything read, up to the newest notification the page showed: one arriving meanwhile stays unread. */
export async function markAllRead(viewer: SignedInViewer, input: MarkAllReadInput): Promise<{ ok: true }> {
  await db.notification.updateMany({
    where: { userId: viewer.id, readAt: null, ...(input.upTo ? { id: { lte: input.upTo } } : {}) },
    data: { readAt: new Date() },
  });
  return { ok: true };
}
