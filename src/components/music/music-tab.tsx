"use client";
import { useRouter } from "next/navigation";
import type { QuotaUsage } from "@/lib/upload-check";
import type { Page, PostView } from "@/server/presenters/post";
import { EmptyState } from "@/components/ui/empty-state";
import { ItemList } from "./item-list";
import { TrackTools } from "./track-tools";
import { TrackUploader } from "./track-uploader";

/** The Music tab: the owner's uploader, then the space's songs with players (and the owner's tools). */
export function MusicTab({ initial, endpoint, isOwner, usage, emptyText }: { initial: Page<PostView>; endpoint: string; isOwner: boolean; usage?: QuotaUsage; emptyText: string }) {
  const router = useRouter();
  return (
    <div className="space-y-4">
      {isOwner && <TrackUploader usage={usage} onCreated={() => router.refresh()} />}
      <ItemList
        initial={initial}
        endpoint={endpoint}
        testId="track-item"
        empty={<EmptyState testId="music-empty">{emptyText}</EmptyState>}
        tools={(p) => (p.mine && p.attachment?.kind === "music" ? <TrackTools post={p} attachment={p.attachment} /> : null)}
      />
    </div>
  );
}
