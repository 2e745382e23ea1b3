import "server-only";
import { PREVIEW_REPLIES, PREVIEW_THREADS, latestThreadsOf, queryComments, withReplies } from "@/server/comments/comment-sql";
import { nestThreads, type CommentView } from "@/server/comments/comment-view";
import type { PostView } from "./post";

/**
 * The first comments on each card of a page: the latest 3 threads with their
 * latest 2 replies, for every item on the page in ONE query (a LATERAL
 * ... LIMIT per post and per thread, so it reads only the rows it shows), so
 * a feed page's query count does not grow with its items. Returns a function
 * that puts them (and the count read in the same snapshot, less what the
 * viewer may not see: comment-sql.ts) on a post. Callers
 * have already applied the privacy module to the posts; comments follow
 * their item.
 */
export async function loadCommentsPreview(items: PostView[], viewerId: number | undefined): Promise<(p: PostView) => PostView> {
  const ids = items.filter((p) => p.commentCount > 0 && p.state === "READY").map((p) => Number(p.id));
  if (!ids.length) return (p) => p;
  const owners = new Map(items.map((p) => [Number(p.id), p.author.id]));
  const rows = await queryComments(withReplies(latestThreadsOf(ids, PREVIEW_THREADS, viewerId), PREVIEW_REPLIES, viewerId), viewerId);
  const threads = nestThreads(rows, { viewerId, ownerOf: (postId) => owners.get(postId) });
  // An item with no rows has no comment the viewer may see (the threads are
  // picked after the privacy rule), whatever posts.comment_count says: 0.
  const byPost = new Map<string, { comments: CommentView[]; commentCount: number }>(ids.map((id) => [String(id), { comments: [], commentCount: 0 }]));
  for (const t of threads) byPost.get(t.postId)?.comments.push(t);
  for (const r of rows) {
    const entry = byPost.get(String(r.post_id));
    if (entry) entry.commentCount = r.post_comment_count;
  }
  return (p) => {
    const c = byPost.get(p.id);
    return c ? { ...p, ...c } : p;
  };
}
