"use client";
import { useEffect } from "react";
import type { MediaView, PhotoView } from "@/server/presenters/attachment-types";
import { MediaImage } from "@/components/media/media-image";
import { useMediaStatus } from "@/components/media/use-media-status";

/** What a photo's <img alt> says: the owner's alt text, else its caption, else its place ("Photo 3"). */
export const photoAlt = (photo: PhotoView, fallback: string) => photo.alt || photo.caption || fallback;

/**
 * A photo's thumbnail in a fixed box (the parent sizes it, so nothing shifts
 * while it loads). While its job runs it says "processing" and polls; the
 * new state is reported up so the viewer and other views agree.
 */
export function PhotoThumb({
  photo,
  alt,
  className = "",
  onMedia,
}: {
  photo: PhotoView;
  alt: string;
  className?: string;
  onMedia?: (photoId: number, media: MediaView) => void;
}) {
  const media = useMediaStatus(photo.media);
  useEffect(() => {
    if (media.status !== photo.media.status) onMedia?.(photo.id, media);
  }, [media, photo.id, photo.media.status, onMedia]);
  return <MediaImage media={media} variant="thumb" alt={alt} className={className} />;
}
