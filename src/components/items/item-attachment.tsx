"use client";
import type { PostView } from "@/server/presenters/post";
import { BlogCard } from "@/components/blog/blog-card";
import { DiaryCard } from "@/components/diary/diary-card";
import { PhotosCard } from "@/components/albums/photos-card";
import { TrackCard } from "@/components/music/track-card";
import { VideoCard } from "@/components/video/video-card";
import { RepostCard } from "@/components/reposts/repost-card";

/** The rich part of an item's card, by kind (each kind's card lives with its feature). */
export function ItemAttachment({ post }: { post: PostView }) {
  const a = post.attachment;
  if (!a) return null;
  switch (a.kind) {
    case "blog":
      return <BlogCard post={post} attachment={a} />;
    case "diary":
      return <DiaryCard post={post} attachment={a} />;
    case "photos":
      return <PhotosCard post={post} attachment={a} />;
    case "music":
      return <TrackCard post={post} attachment={a} />;
    case "video":
      return <VideoCard post={post} attachment={a} />;
    case "repost":
      return <RepostCard attachment={a} />;
  }
}
