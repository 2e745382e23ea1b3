"use client";
import { useRouter } from "next/navigation";
import type { QuotaUsage } from "@/lib/upload-check";
import type { Page, PostView } from "@/server/presenters/post";
import { ItemList } from "@/components/music/item-list";
import { EmptyState } from "@/components/ui/empty-state";
import { VideoTools } from "./video-tools";
import { VideoUploader } from "./video-uploader";

/** The Video tab: the owner's uploader, then the space's videos with players. */
export function VideoTab({ initial, endpoint, isOwner, usage, emptyText }: { initial: Page<PostView>; endpoint: string; isOwner: boolean; usage?: QuotaUsage; emptyText: string }) {
  const router = useRouter();
  return (
    <div className="space-y-4">
      {isOwner && <VideoUploader usage={usage} onCreated={() => router.refresh()} />}
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
