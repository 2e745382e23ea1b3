"use client";
// PLACEHOLDER until the likes feature lands (owned by that work).
import type { PostView } from "@/server/presenters/post";

export function LikeBar({ post }: { post: PostView }) {
  void post;
  return null;
}
