"use client";
import { useEffect } from "react";
import type { MediaView } from "@/server/presenters/attachment-types";
import { useMediaStatus } from "./use-media-status";

/** Polls one processing upload and reports when it is ready or failed (renders nothing). */
export function WatchMedia({ media, onSettled }: { media: MediaView; onSettled: (m: MediaView) => void }) {
  const current = useMediaStatus(media);
  useEffect(() => {
    if (current.status !== "PROCESSING") onSettled(current);
  }, [current, onSettled]);
  return null;
}
