import { linkifySegments, type Segment } from "@/lib/linkify";
import { presentAuthor, type AuthorView } from "@/server/presenters/post";

/** A comment as it goes over the wire and into components. */
export type CommentView = {
  id: string;
  postId: string;
  author: AuthorView;
  body: string;
  /** The body split into text and links on the server (rendered as React text: HTML stays inert). */
  segments: Segment[];
  createdAt: string;
  /** The thread's top-level comment; null for a top-level comment. */
  parentId: string | null;
  /** Whom a reply answers ("B replied to A"); null for top-level comments and when the answered reply is gone. */
  replyTo: { handle: string; displayName: string } | null;
  likeCount: number;
  likedByMe: boolean;
  /** The viewer may delete it: they wrote it or they own the item. */
  mine: boolean;
  /** Top-level only: the latest replies, oldest first, and how many the thread has in all. */
  replies?: CommentView[];
  replyCount?: number;
};

/** A decorated comment row as src/server/comments/comment-sql.ts returns it. */
export type CommentRow = {
  id: number;
  post_id: number;
  author_id: number;
  parent_id: number | null;
  reply_to_id: number | null;
  body: string;
  like_count: number;
  created_at: Date;
  handle: string;
  display_name: string;
  avatar_media_id: number | null;
  reply_handle: string | null;
  reply_display_name: string | null;
  reply_count: number;
  liked: boolean;
  post_comment_count: number;
};

/** Who is looking, and whose item it is (the owner may delete any comment on it). */
export type CommentContext = { viewerId: number | undefined; ownerOf: (postId: number) => number | undefined };

export function presentComment(r: CommentRow, ctx: CommentContext): CommentView {
  const viewerId = ctx.viewerId;
  return {
    id: String(r.id),
    postId: String(r.post_id),
    author: presentAuthor({ id: r.author_id, handle: r.handle, displayName: r.display_name, avatarMediaId: r.avatar_media_id }),
    body: r.body,
    segments: linkifySegments(r.body),
    createdAt: r.created_at.toISOString(),
    parentId: r.parent_id === null ? null : String(r.parent_id),
    replyTo: r.parent_id !== null && r.reply_handle && r.reply_display_name ? { handle: r.reply_handle, displayName: r.reply_display_name } : null,
    likeCount: r.like_count,
    likedByMe: r.liked,
    mine: viewerId !== undefined && (viewerId === r.author_id || viewerId === ctx.ownerOf(r.post_id)),
  };
}

/**
 * Rows (top-level comments and some of their replies, in id order) as
 * threads: top-level comments oldest first, each with its replies oldest
 * first. Replies whose thread is not among the rows are dropped.
 */
export function nestThreads(rows: CommentRow[], ctx: CommentContext): CommentView[] {
  const threads = new Map<number, CommentView>();
  for (const r of rows) if (r.parent_id === null) threads.set(r.id, { ...presentComment(r, ctx), replies: [], replyCount: r.reply_count });
  for (const r of rows) if (r.parent_id !== null) threads.get(r.parent_id)?.replies!.push(presentComment(r, ctx));
  return [...threads.values()];
}
