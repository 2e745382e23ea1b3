"use client";
import { useState } from "react";
import type { Page, PostView } from "@/server/presenters/post";
import { Composer } from "./composer";
import { PostList } from "./post-list";

/** Composer plus list: a new post appears on top at once, without reloading. */
export function FeedView({ initial, endpoint, empty, canPost }: { initial: Page<PostView>; endpoint: string; empty: React.ReactNode; canPost: boolean }) {
  const [mine, setMine] = useState<PostView[]>([]);
  return (
    <div className="space-y-4">
      {canPost && <Composer onPosted={(p) => setMine((prev) => [p, ...prev.filter((x) => x.id !== p.id)])} />}
      <PostList initial={initial} endpoint={endpoint} prepend={mine} empty={empty} />
    </div>
  );
}
