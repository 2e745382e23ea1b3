import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { db } from "@/server/db";
import { blockedPairSql } from "@/server/privacy/relation-sql";

/** Every kind of notification. Stored as text in notifications.type. */
export type NotificationType =
  | "friend_request"
  | "friend_accept"
  | "comment"
  | "reply"
  | "like"
  | "comment_like"
  | "repost"
  | "guestbook"
  | "mention";

export const NOTIFICATION_TYPES: readonly NotificationType[] = [
  "friend_request",
  "friend_accept",
  "comment",
  "reply",
  "like",
  "comment_like",
  "repost",
  "guestbook",
  "mention",
];

export type NotificationInput = {
  type: NotificationType;
  recipientId: number;
  actorId: number;
  postId?: number;
  commentId?: number;
  guestbookEntryId?: number;
  /**
   * One notification per key and recipient, ever: liking, unliking and liking
   * again notifies once (`like:post:<id>:<actor>`). Without a key every call
   * notifies.
   */
  dedupeKey?: string;
};

type Client = Prisma.TransactionClient | typeof db;

/**
 * Records a notification, in the caller's transaction when it has one (so a
 * notification exists iff its event committed). One statement: nothing is
 * written when the actor is the recipient, when either of them blocked the
 * other, or when the dedupe key was already used for this recipient.
 * Whether the recipient may still see the item is decided at read time
 * (list-notifications.ts), because audiences change after the event.
 */
export async function notify(tx: Client, n: NotificationInput): Promise<void> {
  if (n.actorId === n.recipientId) return;
  await tx.$executeRaw`
    INSERT INTO notifications (user_id, actor_id, type, post_id, comment_id, guestbook_entry_id, dedupe_key)
    SELECT ${n.recipientId}::int, ${n.actorId}::int, ${n.type}, ${n.postId ?? null}::int, ${n.commentId ?? null}::int,
           ${n.guestbookEntryId ?? null}::int, ${n.dedupeKey ?? null}::text
    WHERE NOT ${blockedPairSql(String(Math.trunc(n.recipientId)), String(Math.trunc(n.actorId)))}
    ON CONFLICT (user_id, dedupe_key) DO NOTHING`;
}

/** Several notifications for one event (a reply notifies two people), in order. */
export async function notifyAll(tx: Client, list: readonly NotificationInput[]): Promise<void> {
  // De-duplicate recipients within one event: the item owner who also wrote the comment replied to gets one.
  const seen = new Set<number>();
  for (const n of list) {
    if (seen.has(n.recipientId)) continue;
    seen.add(n.recipientId);
    await notify(tx, n);
  }
}

/**
 * A friend request was answered (accepted, declined, or crossed by one the
 * other way): its notification has served its purpose and stops counting.
 */
export async function markRequestHandled(tx: Client, recipientId: number, requesterId: number): Promise<void> {
  await tx.notification.updateMany({ where: { userId: recipientId, actorId: requesterId, type: "friend_request", readAt: null }, data: { readAt: new Date() } });
}
