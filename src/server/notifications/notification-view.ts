import type { AuthorView, PostKind } from "@/server/presenters/post";
import type { NotificationType } from "./notify";

/**
 * One row of the notifications page: a group of notifications of one type
 * about one thing ("A and 3 others liked your photo 'Sunset'"). The text is
 * composed by the component from these parts, in the viewer's language.
 */
export type NotificationView = {
  /** The group's newest notification: the keyset cursor and what "open" marks read. */
  id: string;
  type: NotificationType;
  /** The latest one or two people, newest first. */
  actors: AuthorView[];
  /** How many different people in all (for "and N others"). */
  actorCount: number;
  unread: boolean;
  /** The newest notification's time. */
  createdAt: string;
  /** What it is about: a person (friend requests), an item, a comment on one, a guestbook message. */
  about: "person" | "item" | "comment" | "guestbook";
  /** Where opening it goes (the item, its comment, the guestbook, /friends). */
  href: string;
  /** The item it is about: its kind and a title or excerpt. */
  item: { kind: PostKind | "repost"; label: string } | null;
  /** A comment or message excerpt shown under the line. */
  excerpt: string | null;
};

export type NotificationPage = { items: NotificationView[]; nextCursor: string | null };
