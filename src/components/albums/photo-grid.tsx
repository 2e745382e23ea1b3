"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { MediaView, PhotoView } from "@/server/presenters/attachment-types";
import { PhotoThumb, photoAlt } from "./photo-thumb";
import { PhotoViewer } from "./photo-viewer";

/**
 * The album page's responsive grid of square thumbnails (3 columns on a
 * phone, up to 6 on a wide screen); each opens the viewer at that photo.
 */
export function PhotoGrid({ photos, albumTitle, onMedia }: { photos: PhotoView[]; albumTitle: string; onMedia?: (photoId: number, media: MediaView) => void }) {
  const t = useTranslations("albums");
  const [open, setOpen] = useState<number | null>(null);
  return (
    <>
      <ul className="grid grid-cols-3 gap-1 sm:grid-cols-4 sm:gap-2 lg:grid-cols-6" aria-label={t("grid", { album: albumTitle })} data-testid="photo-grid">
        {photos.map((p, i) => {
          const alt = photoAlt(p, t("photoN", { n: i + 1 }));
          return (
            <li key={p.id} className="aspect-square">
              <button
                type="button"
                onClick={() => setOpen(i)}
                className="block h-full w-full overflow-hidden rounded focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2"
                aria-label={p.media.status === "READY" ? undefined : alt}
                data-testid="photo-tile"
              >
                <PhotoThumb photo={p} alt={alt} className="h-full w-full" onMedia={onMedia} />
              </button>
            </li>
          );
        })}
      </ul>
      {open !== null && <PhotoViewer photos={photos} index={open} onIndex={setOpen} onClose={() => setOpen(null)} title={albumTitle} />}
    </>
  );
}
