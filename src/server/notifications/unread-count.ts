import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { visibleNotificationsSql } from "./notification-sql";

/** The header shows "99+" beyond this: counting further would only cost time. */
export const UNREAD_CAP = 99;
/** Unread notifications looked at, newest first (an index walk on notifications(user_id, id DESC)). */
const SCAN = 1000;

/**
 * How many unread rows the notifications page would show (groups, not raw
 * notifications: 5 likes on one photo are one row), with the same privacy
 * rule as the list (notification-sql.ts), so the bell never counts
 * something the page would not show. One query, bounded: it runs in the
 * header of every page. Returns at most UNREAD_CAP + 1.
 */
export async function unreadCount(viewer: SignedInViewer): Promise<number> {
  const source = Prisma.sql`SELECT * FROM notifications WHERE user_id = ${viewer.id} AND read_at IS NULL ORDER BY id DESC LIMIT ${SCAN}`;
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM (
      SELECT DISTINCT type, target FROM (${visibleNotificationsSql(viewer.id, source)}) v LIMIT ${UNREAD_CAP + 1}
    ) x`;
  return row?.count ?? 0;
}
