"use client";
import { useRouter } from "next/navigation";
import type { Page, PostView } from "@/server/presenters/post";
import { ItemList } from "@/components/music/item-list";
import { EmptyState } from "@/components/ui/empty-state";
import { VideoTools } from "./video-tools";
import { VideoUploader } from "./video-uploader";

/** The Video tab: the owner's uploader, then the space's videos with players. */
export function VideoTab({ initial, endpoint, isOwner, emptyText }: { initial: Page<PostView>; endpoint: string; isOwner: boolean; emptyText: string }) {
  const router = useRouter();
  return (
    <div className="space-y-4">
      {isOwner && <VideoUploader onCreated={() => router.refresh()} />}
      <ItemList
        initial={initial}
        endpoint={endpoint}
        testId="video-item"
        empty={<EmptyState testId="video-empty">{emptyText}</EmptyState>}
        tools={(p) => (p.mine ? <VideoTools post={p} /> : null)}
      />
    </div>
  );
}
