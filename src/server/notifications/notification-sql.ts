// The notifications read model, in SQL: which of a recipient's notifications
// may be shown (the privacy module's rules, applied per row), and how they
// group. Builders only (no database import), shared by the list, the unread
// count and mark-read so all three agree.
import { Prisma } from "@/generated/prisma/client";
import { visiblePostSql } from "@/server/privacy/audience-sql";
import { visibleGuestbookEntrySql } from "@/server/privacy/guestbook-sql";
import { blockedPairSql, relationSql } from "@/server/privacy/relation-sql";

/**
 * What a notification is about, the group key: people (friend requests and
 * acceptances, per person), a comment (its likes; a mention in it), a
 * guestbook message, or else an item (its likes, comments, replies,
 * reposts, a mention in it). Same type + same target = one row on the page.
 */
export function targetSql(n: string): Prisma.Sql {
  return Prisma.raw(`(CASE
    WHEN ${n}.type IN ('friend_request', 'friend_accept') THEN 'u' || ${n}.actor_id
    WHEN ${n}.type IN ('comment_like', 'mention') AND ${n}.comment_id IS NOT NULL THEN 'c' || ${n}.comment_id
    WHEN ${n}.guestbook_entry_id IS NOT NULL THEN 'g' || ${n}.guestbook_entry_id
    WHEN ${n}.post_id IS NOT NULL THEN 'p' || ${n}.post_id
    ELSE 'n' || ${n}.id END)`);
}

/**
 * The recipient's notifications they may still see, as rows of `source`
 * (notifications rows of this user) with their group key `target`:
 * - never from someone in a blocked pair with them (either way, whenever the block came);
 * - an item (or the item a comment is on) only if the recipient may see it
 *   now: audience, chosen viewers, processing state, blocks, via the
 *   privacy module's visiblePostSql and the relation computed per author;
 * - a guestbook message only if the guestbook rule lets them see it and
 *   they are not in a blocked pair with the space's owner.
 * Deleted items, comments and messages take their notifications with them
 * (ON DELETE CASCADE).
 */
export function visibleNotificationsSql(userId: number, source: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT n.id, n.type, n.actor_id, n.post_id, n.comment_id, n.guestbook_entry_id, n.read_at, n.created_at, ${targetSql("n")} AS target
    FROM (${source}) n
    LEFT JOIN posts p ON p.id = n.post_id
    LEFT JOIN guestbook_entries g ON g.id = n.guestbook_entry_id
    WHERE NOT ${blockedPairSql("n.user_id", "n.actor_id")}
      AND (n.post_id IS NULL OR (p.id IS NOT NULL AND ${visiblePostSql("p", relationSql("p.author_id", userId), userId)}))
      AND (n.guestbook_entry_id IS NULL OR (g.id IS NOT NULL AND ${visibleGuestbookEntrySql("g", userId)}
           AND (g.owner_id = n.user_id OR NOT ${blockedPairSql("g.owner_id", "n.user_id")})))`;
}
