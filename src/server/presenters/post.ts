import type { Audience } from "@/lib/audiences";
import { isRepostable } from "@/server/privacy/repostable";
import { linkifySegments, type Segment } from "@/lib/linkify";
import { avatarUrl } from "@/lib/media-url";
import type { Attachment } from "./attachment-types";
import type { CommentView } from "@/server/comments/comment-view";
import type { ChosenAudience } from "@/server/groups/group-types";

export type PostKind = "status" | "blog" | "diary" | "photos" | "music" | "video" | "repost";
export type ItemState = "READY" | "PROCESSING" | "FAILED";

/** Who wrote something, as every list and card shows them. */
export type AuthorView = { id: number; handle: string; displayName: string; avatarUrl: string | null };

/** An item of any kind as it goes over the wire and into components. */
export type PostView = {
  id: string;
  kind: PostKind;
  body: string;
  /** The body split into text and links on the server, so the link parser never ships to browsers. */
  segments: Segment[];
  title: string | null;
  audience: Audience;
  /** CUSTOM, for its author only: the chosen groups and friends (filled by withChosenAudience, ./chosen-audience). */
  chosen: ChosenAudience | null;
  /** Not READY: only the author sees it, with a "processing" or "failed" badge. */
  state: ItemState;
  createdAt: string;
  editedAt: string | null;
  author: AuthorView;
  /** The viewer wrote it: they may change its audience or delete it. */
  mine: boolean;
  /** The kind's rich content (blog excerpt and cover, photos, player...); null for status posts. */
  attachment: Attachment | null;
  /** Exact counters kept on the post row (see src/server/likes, src/server/comments). */
  likeCount: number;
  commentCount: number;
  /** How many reposts point at this item (kept exact like the other counters, src/server/reposts). */
  repostCount: number;
  /**
   * What its Repost button reposts and counts: the item itself, or a repost's
   * original (reposting a repost reposts its original); null when it may not
   * be reposted (privacy isRepostable). Set for reposts by withAttachments.
   */
  repostTarget: { id: string; count: number } | null;
  /** Filled for a whole page at once by withInteractions (./interactions). */
  likedByMe: boolean;
  /** Up to 3 likers (the viewer, then the viewer's friends, then the latest) for "A, B and N others". */
  likers: AuthorView[];
  /** The latest comment threads, filled for a whole page at once by loadCommentsPreview (./comments-preview). */
  comments: CommentView[];
  /** The viewer is signed in: they get the comment box (signed-out viewers, a "sign in to comment" link). */
  signedIn: boolean;
  /**
   * Set when the item is shown in its owner's "view my space as" preview: the
   * space whose preview it is. The item's JSON routes (more comments, likers)
   * are then asked with `?space=`, so they answer as the preview too.
   */
  previewSpace: string | null;
};

export type PostRow = {
  id: number;
  kind?: string;
  body: string;
  title?: string | null;
  audience: Audience;
  state?: ItemState;
  createdAt: Date;
  editedAt?: Date | null;
  likeCount?: number;
  commentCount?: number;
  repostCount?: number;
  author: { id: number; handle: string; displayName: string; avatarMediaId?: number | null };
};

export function presentAuthor(u: { id: number; handle: string; displayName: string; avatarMediaId?: number | null }): AuthorView {
  return { id: u.id, handle: u.handle, displayName: u.displayName, avatarUrl: avatarUrl(u.avatarMediaId) };
}

/** The post without its attachment (see withAttachments in ./attachments). */
export function presentPost(row: PostRow, viewerId: number | undefined): PostView {
  const kind = (row.kind ?? "status") as PostKind;
  return {
    id: String(row.id),
    kind,
    body: row.body,
    segments: linkifySegments(row.body),
    title: row.title ?? null,
    audience: row.audience,
    chosen: null,
    state: row.state ?? "READY",
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt ? row.editedAt.toISOString() : null,
    author: presentAuthor(row.author),
    mine: viewerId === row.author.id,
    attachment: null,
    likeCount: row.likeCount ?? 0,
    commentCount: row.commentCount ?? 0,
    repostCount: row.repostCount ?? 0,
    repostTarget: row.kind !== "repost" && isRepostable(row) ? { id: String(row.id), count: row.repostCount ?? 0 } : null,
    likedByMe: false,
    likers: [],
    comments: [],
    // A preview ("view my space as", id 0) is read-only: it must not act as the owner behind it.
    signedIn: (viewerId ?? 0) > 0,
    previewSpace: viewerId === 0 ? row.author.handle : null,
  };
}

/** The author columns Prisma reads for a post card. */
export const AUTHOR_SELECT = { select: { id: true, handle: true, displayName: true, avatarMediaId: true } } as const;

export type Page<T> = { items: T[]; nextCursor: string | null };
