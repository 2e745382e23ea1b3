"use client";
import { useEffect, useState } from "react";
import type { MediaView } from "@/server/presenters/attachment-types";

/**
 * Follows an upload while the job processes it (polls /api/media/:id every
 * second while PROCESSING), so the uploader sees it become ready or fail
 * without reloading.
 */
export function useMediaStatus(initial: MediaView): MediaView {
  // What the poll learned, for this media id only (a new `initial` starts over).
  const [latest, setLatest] = useState<MediaView | null>(null);
  const media = latest && latest.id === initial.id ? { ...initial, ...latest } : initial;
  useEffect(() => {
    if (media.status !== "PROCESSING") return;
    let stopped = false;
    const timer = setInterval(async () => {
      const res = await fetch(`/api/media/${media.id}`, { cache: "no-store" }).catch(() => null);
      if (!res?.ok || stopped) return;
      const next = (await res.json()) as MediaView;
      if (next.status !== "PROCESSING") setLatest(next);
    }, 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [media.id, media.status]);
  return media;
}
