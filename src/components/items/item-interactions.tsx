"use client";
import type { PostView } from "@/server/presenters/post";
import { LikeBar } from "@/components/likes/like-bar";
import { CommentSection } from "@/components/comments/comment-section";

/** Under every item: its likes and its comments (each feature owns its part). */
export function ItemInteractions({ post }: { post: PostView }) {
  if (post.state !== "READY") return null;
  return (
    <div className="mt-3 border-t border-stone-100 pt-2">
      <LikeBar post={post} />
      <CommentSection post={post} />
    </div>
  );
}
