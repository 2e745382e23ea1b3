"use client";
// PLACEHOLDER until the comments feature lands (owned by that work).
import type { PostView } from "@/server/presenters/post";

export function CommentSection({ post }: { post: PostView }) {
  void post;
  return null;
}
