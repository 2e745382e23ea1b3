"use client";
import { useState } from "react";
import type { Page, PostView } from "@/server/presenters/post";
import { Composer } from "./composer";
import { PostList } from "./post-list";

/**
 * Composer plus list: a new post appears on top at once, without reloading
 * (unless the list is filtered to something a status post is not: `showPosted`).
 * `filters` (the home feed's) sit between the two.
 */
export function FeedView({
  initial,
  endpoint,
  empty,
  canPost,
  filters,
  showPosted = true,
}: {
  initial: Page<PostView>;
  endpoint: string;
  empty: React.ReactNode;
  canPost: boolean;
  filters?: React.ReactNode;
  showPosted?: boolean;
}) {
  const [mine, setMine] = useState<PostView[]>([]);
  return (
    <div className="space-y-4">
      {canPost && <Composer onPosted={(p) => showPosted && setMine((prev) => [p, ...prev.filter((x) => x.id !== p.id)])} />}
      {filters}
      <PostList initial={initial} endpoint={endpoint} prepend={mine} empty={empty} />
    </div>
  );
}
