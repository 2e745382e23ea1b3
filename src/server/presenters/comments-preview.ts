import "server-only";
import { PREVIEW_REPLIES, PREVIEW_THREADS, latestThreadsOf, queryComments, withReplies } from "@/server/comments/comment-sql";
import { nestThreads, type CommentView } from "@/server/comments/comment-view";
import type { PostView } from "./post";

/**
 * The first comments on each card of a page: the latest 3 threads with their
 * latest 2 replies, for every item on the page in ONE query (a LATERAL
 * ... LIMIT per post and per thread, so it reads only the rows it shows), so
 * a feed page's query count does not grow with its items. Returns a function
 * that puts them (and the count read in the same snapshot) on a post. Callers
 * have already applied the privacy module to the posts; comments follow
 * their item.
 */
export async function loadCommentsPreview(items: PostView[], viewerId: number | undefined): Promise<(p: PostView) => PostView> {
  const ids = items.filter((p) => p.commentCount > 0 && p.state === "READY").map((p) => Number(p.id));
  if (!ids.length) return (p) => p;
  const owners = new Map(items.map((p) => [Number(p.id), p.author.id]));
  const rows = await queryComments(withReplies(latestThreadsOf(ids, PREVIEW_THREADS), PREVIEW_REPLIES), viewerId);
  const threads = nestThreads(rows, { viewerId, ownerOf: (postId) => owners.get(postId) });
  const byPost = new Map<string, { comments: CommentView[]; commentCount: number }>();
  for (const t of threads) {
    const entry = byPost.get(t.postId) ?? { comments: [], commentCount: 0 };
    entry.comments.push(t);
    byPost.set(t.postId, entry);
  }
  for (const r of rows) {
    const entry = byPost.get(String(r.post_id));
    if (entry) entry.commentCount = r.post_comment_count;
  }
  return (p) => {
    const c = byPost.get(p.id);
    return c ? { ...p, ...c } : p;
  };
}
