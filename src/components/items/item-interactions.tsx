"use client";
import type { PostView } from "@/server/presenters/post";
import { LikeBar } from "@/components/likes/like-bar";
import { CommentSection } from "@/components/comments/comment-section";
import { RepostButton } from "@/components/reposts/repost-button";

/** Under every item: its likes, reposts and comments (each feature owns its part). */
export function ItemInteractions({ post }: { post: PostView }) {
  if (post.state !== "READY") return null;
  return (
    <div className="mt-3 border-t border-stone-100 pt-2">
      {/* 赞 and 转发 side by side (the repost button shows only where reposting is allowed). */}
      <div className="flex flex-wrap items-start gap-x-2">
        <div className="min-w-0 flex-1">
          <LikeBar post={post} />
        </div>
        <RepostButton post={post} />
      </div>
      <CommentSection post={post} />
    </div>
  );
}
