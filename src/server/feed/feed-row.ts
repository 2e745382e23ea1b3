import type { Audience } from "@/lib/audiences";
import { presentPost, type ItemState, type PostView } from "@/server/presenters/post";

/** A feed item as the feed's SQL returns it. */
export type FeedRow = {
  id: number;
  author_id: number;
  kind: string;
  body: string;
  title: string | null;
  audience: Audience;
  state: ItemState;
  album_id: number | null;
  created_at: Date;
  edited_at: Date | null;
  like_count: number;
  comment_count: number;
  repost_count: number;
  handle: string;
  display_name: string;
  avatar_media_id: number | null;
};

export const MAX_POST_ID = 2147483647;

export function presentFeedRow(r: FeedRow, viewerId: number): PostView {
  return presentPost(
    {
      id: r.id,
      kind: r.kind,
      body: r.body,
      title: r.title,
      audience: r.audience,
      state: r.state,
      createdAt: r.created_at,
      editedAt: r.edited_at,
      likeCount: r.like_count,
      commentCount: r.comment_count,
      repostCount: r.repost_count,
      author: { id: r.author_id, handle: r.handle, displayName: r.display_name, avatarMediaId: r.avatar_media_id },
    },
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
