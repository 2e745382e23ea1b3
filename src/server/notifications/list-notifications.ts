import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { presentAuthor, type PostKind } from "@/server/presenters/post";
import type { NotificationsQuery } from "@/lib/validation/notifications";
import { visibleNotificationsSql } from "./notification-sql";
import type { NotificationPage, NotificationView } from "./notification-view";
import type { NotificationType } from "./notify";

export const NOTIFICATIONS_PAGE_SIZE = 20;
const NAMED_ACTORS = 2;
const EXCERPT_CHARS = 60;

type GroupRow = {
  id: number;
  type: NotificationType;
  actor_count: number;
  unread: boolean;
  created_at: Date;
  actor_ids: number[];
  post_id: number | null;
  comment_id: number | null;
  guestbook_entry_id: number | null;
  post_kind: string | null;
  post_title: string | null;
  post_body: string | null;
  post_author_handle: string | null;
  album_title: string | null;
  comment_body: string | null;
  entry_body: string | null;
  entry_owner_handle: string | null;
  original_kind: string | null;
  original_title: string | null;
  original_body: string | null;
};

/** How far back the page reaches, in notifications. */
const HISTORY = 3000;

/**
 * The viewer's notifications, grouped at read time (same type + same target
 * = one row), newest group first, keyset-paginated by each group's newest
 * id. Only what the viewer may still see is included (notification-sql.ts:
 * the privacy module's rules in SQL), so a notification about an item since
 * made private, narrowed to others, or whose author blocked them, is gone.
 * Two queries per page whatever it holds: the groups with their targets,
 * and the people named.
 */
export async function listNotifications(viewer: SignedInViewer, input: NotificationsQuery): Promise<NotificationPage> {
  const limit = NOTIFICATIONS_PAGE_SIZE;
  // The newest HISTORY notifications are grouped (an index walk on (user_id, id DESC)),
  // so a page costs the same for someone with years of them.
  const source = Prisma.sql`SELECT * FROM notifications WHERE user_id = ${viewer.id} ORDER BY id DESC LIMIT ${HISTORY}`;
  const rows = await db.$queryRaw<GroupRow[]>`
    WITH v AS (${visibleNotificationsSql(viewer.id, source)}),
    grp AS (
      SELECT type, target, max(id) AS id, count(DISTINCT actor_id)::int AS actor_count,
             bool_or(read_at IS NULL) AS unread, max(created_at) AS created_at,
             (array_agg(actor_id ORDER BY id DESC))[1:10] AS actor_ids,
             (array_agg(post_id ORDER BY id DESC))[1] AS post_id,
             (array_agg(comment_id ORDER BY id DESC))[1] AS comment_id,
             (array_agg(guestbook_entry_id ORDER BY id DESC))[1] AS guestbook_entry_id
      FROM v GROUP BY type, target
    ),
    page AS (
      SELECT * FROM grp WHERE id < ${input.before ?? 2147483647} ORDER BY id DESC LIMIT ${limit + 1}
    )
    SELECT page.id, page.type, page.actor_count, page.unread, page.created_at, page.actor_ids,
           page.post_id, page.comment_id, page.guestbook_entry_id,
           p.kind AS post_kind, p.title AS post_title, left(p.body, 200) AS post_body, pu.handle AS post_author_handle,
           a.title AS album_title, left(c.body, 200) AS comment_body,
           left(g.body, 200) AS entry_body, gu.handle AS entry_owner_handle,
           o.kind AS original_kind, o.title AS original_title, left(o.body, 200) AS original_body
    FROM page
    LEFT JOIN posts p ON p.id = page.post_id
    LEFT JOIN users pu ON pu.id = p.author_id
    LEFT JOIN albums a ON a.id = p.album_id
    LEFT JOIN comments c ON c.id = page.comment_id
    LEFT JOIN guestbook_entries g ON g.id = page.guestbook_entry_id
    LEFT JOIN users gu ON gu.id = g.owner_id
    LEFT JOIN posts o ON o.id = p.repost_of_id
    ORDER BY page.id DESC`;
  const more = rows.length > limit;
  const groups = rows.slice(0, limit);

  const named = groups.map((g) => [...new Set(g.actor_ids)].slice(0, NAMED_ACTORS));
  const actorIds = [...new Set(named.flat())];
  const users = actorIds.length
    ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, handle: true, displayName: true, avatarMediaId: true } })
    : [];
  const byId = new Map(users.map((u) => [u.id, presentAuthor(u)]));

  const items = groups.map((g, i): NotificationView => ({
    id: String(g.id),
    type: g.type,
    actors: named[i]!.map((id) => byId.get(id)).filter((u) => u !== undefined),
    actorCount: g.actor_count,
    unread: g.unread,
    createdAt: g.created_at.toISOString(),
    about: g.type === "friend_request" || g.type === "friend_accept" ? "person" : g.guestbook_entry_id !== null ? "guestbook" : g.comment_id !== null ? "comment" : "item",
    href: hrefOf(g, byId.get(named[i]![0]!)?.handle),
    item: itemOf(g),
    excerpt: excerpt(g.comment_body ?? g.entry_body ?? (g.type === "repost" ? g.post_body : null)),
  }));
  return { items, nextCursor: more ? items[items.length - 1]!.id : null };
}

/** Where a row leads: the item's page (its comment anchored), the guestbook, the person, or /friends. */
function hrefOf(g: GroupRow, actorHandle: string | undefined): string {
  if (g.type === "friend_request") return "/friends";
  if (g.type === "friend_accept") return actorHandle ? `/u/${actorHandle}` : "/friends";
  if (g.guestbook_entry_id !== null && g.entry_owner_handle) return `/u/${g.entry_owner_handle}/guestbook#message-${g.guestbook_entry_id}`;
  if (g.post_id !== null && g.post_author_handle) {
    const base = `/u/${g.post_author_handle}`;
    const page = g.post_kind === "blog" ? `${base}/blog/${g.post_id}` : g.post_kind === "diary" ? `${base}/diary/${g.post_id}` : `${base}/post/${g.post_id}`;
    return g.comment_id !== null ? `${page}#comment-${g.comment_id}` : page;
  }
  return "/notifications";
}

/**
 * The item a row is about, as "your photo 'Sunset'": its kind and its title,
 * else its album's, else the start of its text ("" when it has none). A
 * repost notification is about the viewer's original, which was reposted.
 */
function itemOf(g: GroupRow): NotificationView["item"] {
  if (g.type === "repost" && g.original_kind) return { kind: g.original_kind as PostKind, label: excerpt(g.original_title || g.original_body) ?? "" };
  if (!g.post_kind) return null;
  return { kind: g.post_kind as PostKind | "repost", label: excerpt(g.post_title || g.album_title || g.post_body) ?? "" };
}

function excerpt(text: string | null | undefined): string | null {
  if (!text) return null;
  const flat = text.replace(/\s+/g, " ").trim();
  if (!flat) return null;
  const chars = [...flat];
  return chars.length <= EXCERPT_CHARS ? flat : `${chars.slice(0, EXCERPT_CHARS).join("").trimEnd()}…`;
}
