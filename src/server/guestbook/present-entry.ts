import { linkifySegments, type Segment } from "@/lib/linkify";
import { canActOnGuestbookEntry } from "@/server/privacy";
import { AUTHOR_SELECT, presentAuthor, type AuthorView } from "@/server/presenters/post";

/** A guestbook message as it goes over the wire; what the viewer may do is decided here, not in components. */
export type GuestbookEntryView = {
  id: string;
  body: string;
  segments: Segment[];
  /** 悄悄话: only the owner and the writer see it (and only they get this message at all). */
  private: boolean;
  /** Awaiting the owner's approval (shown to the owner and the writer only). */
  pending: boolean;
  reply: { body: string; segments: Segment[]; at: string } | null;
  createdAt: string;
  author: AuthorView;
  canReply: boolean;
  canApprove: boolean;
  canDelete: boolean;
};

export const ENTRY_SELECT = {
  id: true,
  ownerId: true,
  authorId: true,
  body: true,
  private: true,
  approved: true,
  reply: true,
  repliedAt: true,
  createdAt: true,
  author: AUTHOR_SELECT,
} as const;

export type EntryRow = {
  id: number;
  ownerId: number;
  authorId: number;
  body: string;
  private: boolean;
  approved: boolean;
  reply: string | null;
  repliedAt: Date | null;
  createdAt: Date;
  author: { id: number; handle: string; displayName: string; avatarMediaId: number | null };
};

export function presentEntry(row: EntryRow, viewerId: number | undefined): GuestbookEntryView {
  return {
    id: String(row.id),
    body: row.body,
    segments: linkifySegments(row.body),
    private: row.private,
    pending: !row.approved,
    reply: row.reply ? { body: row.reply, segments: linkifySegments(row.reply), at: (row.repliedAt ?? row.createdAt).toISOString() } : null,
    createdAt: row.createdAt.toISOString(),
    author: presentAuthor(row.author),
    canReply: canActOnGuestbookEntry(viewerId, row, "reply"),
    // Approving an approved message does nothing: the button is only for pending ones.
    canApprove: !row.approved && canActOnGuestbookEntry(viewerId, row, "approve"),
    canDelete: canActOnGuestbookEntry(viewerId, row, "delete"),
  };
}
