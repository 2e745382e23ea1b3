import "server-only";
import type { Viewer } from "@/server/privacy";
import type { ListCommentsInput } from "@/lib/validation/comment";
import { PAGE_REPLIES, PAGE_THREADS, commentCountFor, queryComments, repliesBefore, threadsBefore, withReplies } from "./comment-sql";
import { nestThreads, presentComment, type CommentView } from "./comment-view";
import { visiblePost } from "./load-post";
import { commentsAndReplies, withMentionLinks } from "@/server/mentions/mention-links";

export type CommentPage = {
  /** Oldest first (newest-last, as QZone shows them). */
  items: CommentView[];
  /** Pass as `before` for the earlier ones; null when there are none. */
  nextCursor: string | null;
  /** All comments on the item the viewer may see, replies included (posts.comment_count less those hidden by blocks). */
  commentCount: number;
};

/**
 * A keyset page of an item's comments, for someone who may see the item:
 * top-level threads (each with its latest replies) or, with `parentId`, the
 * earlier replies of one thread. Pages go backwards from the newest, since
 * the newest are shown first and earlier ones on request.
 */
export async function listComments(viewer: Viewer, input: ListCommentsInput): Promise<CommentPage> {
  const post = await visiblePost(viewer, input.postId);
  const viewerId = viewer?.id;
  const ctx = { viewerId, ownerOf: () => post.authorId };
  // The count comes with the rows (same snapshot); an empty page asks for it on its own.
  const countOf = async (rows: { post_comment_count: number }[]) => rows[0]?.post_comment_count ?? (await commentCountFor(post.id, viewerId));
  if (input.parentId !== undefined) {
    const rows = await queryComments(repliesBefore(post.id, input.parentId, input.before, PAGE_REPLIES, viewerId), viewerId);
    const more = rows.length > PAGE_REPLIES;
    const page = more ? rows.slice(1) : rows; // rows are oldest first: the extra one is the earliest
    return { items: await withMentionLinks(page.map((r) => presentComment(r, ctx))), nextCursor: more ? String(page[0]!.id) : null, commentCount: await countOf(rows) };
  }
  const rows = await queryComments(withReplies(threadsBefore(post.id, input.before, PAGE_THREADS, viewerId), PAGE_REPLIES, viewerId), viewerId);
  const threads = nestThreads(rows, ctx);
  const more = threads.length > PAGE_THREADS;
  const page = more ? threads.slice(1) : threads;
  await withMentionLinks(commentsAndReplies(page));
  return { items: page, nextCursor: more ? page[0]!.id : null, commentCount: await countOf(rows) };
}
