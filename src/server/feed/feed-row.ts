import type { Audience } from "@/lib/audiences";
import { presentPost, type PostView } from "@/server/presenters/post";

/** A feed item as the feed's SQL returns it. */
export type FeedRow = {
  id: number;
  author_id: number;
  body: string;
  audience: Audience;
  created_at: Date;
  handle: string;
  display_name: string;
};

export const MAX_POST_ID = 2147483647;

export function presentFeedRow(r: FeedRow, viewerId: number): PostView {
  return presentPost(
    { id: r.id, body: r.body, audience: r.audience, createdAt: r.created_at, author: { id: r.author_id, handle: r.handle, displayName: r.display_name } },
    viewerId,
  );
}

/** Newest first, each post once. */
export function mergeRows(...lists: FeedRow[][]): FeedRow[] {
  const seen = new Set<number>();
  return lists
    .flat()
    .sort((a, b) => b.id - a.id)
    .filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
}
