"use client";
import Link from "next/link";
import { useCallback, useState } from "react";
import { useTranslations } from "next-intl";
import type { PostView } from "@/server/presenters/post";
import type { MediaView, PhotosAttachment } from "@/server/presenters/attachment-types";
import { PhotoThumb, photoAlt } from "./photo-thumb";
import { PhotoViewer } from "./photo-viewer";

/** Columns by how many photos: one large, a 2x2 for two to four, QZone's nine-grid beyond. */
const columns = (n: number) => (n === 1 ? "grid-cols-1 max-w-sm" : n === 2 || n === 4 ? "grid-cols-2 max-w-sm" : "grid-cols-3 max-w-md");

/**
 * A photo batch in the feed: "added 7 photos to Graduation" (the album
 * links to its page) and up to nine of them; each opens the viewer, and when
 * the batch holds more, the last tile leads to the album.
 */
export function PhotosCard({ post, attachment }: { post: PostView; attachment: PhotosAttachment }) {
  const t = useTranslations("albums");
  const [open, setOpen] = useState<number | null>(null);
  const { count, album } = attachment;
  // The owner's fresh batch may still be processing: tiles report when it is ready, so the viewer agrees.
  const [photos, setPhotos] = useState(attachment.photos);
  const onMedia = useCallback((photoId: number, media: MediaView) => setPhotos((ps) => ps.map((p) => (p.id === photoId ? { ...p, media } : p))), []);
  const albumHref = `/u/${post.author.handle}/albums/${album.id}`;
  const more = count - photos.length;
  return (
    <div className="mt-1" data-testid="photos-card">
      <p className="mb-2 text-sm text-stone-700">
        {t.rich("added", {
          count,
          title: album.title,
          album: (chunks) => (
            <Link href={albumHref} className="font-medium text-brand-700 hover:underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      {photos.length > 0 && (
        <ul className={`grid gap-1 ${columns(photos.length)}`}>
          {photos.map((p, i) => {
            const alt = photoAlt(p, t("photoN", { n: i + 1 }));
            const last = i === photos.length - 1 && more > 0;
            return (
              <li key={p.id} className={photos.length === 1 ? "aspect-[4/3]" : "aspect-square"}>
                {last ? (
                  <Link href={albumHref} className="relative block h-full w-full overflow-hidden rounded focus-visible:ring-2 focus-visible:ring-brand-500">
                    <PhotoThumb photo={p} alt={alt} className="h-full w-full" />
                    <span className="absolute inset-0 flex items-center justify-center bg-black/45 text-lg font-semibold text-white">+{more}</span>
                    <span className="sr-only">{t("more", { count: more })}</span>
                  </Link>
                ) : (
                  <button type="button" onClick={() => setOpen(i)} className="block h-full w-full overflow-hidden rounded focus-visible:ring-2 focus-visible:ring-brand-500">
                    <PhotoThumb photo={p} alt={alt} className="h-full w-full" onMedia={onMedia} />
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {open !== null && (
        <PhotoViewer
          photos={photos}
          index={open}
          onIndex={setOpen}
          onClose={() => setOpen(null)}
          title={album.title}
          footer={
            <Link href={albumHref} className="text-amber-300 underline hover:text-amber-200">
              {t("openAlbum")}
            </Link>
          }
        />
      )}
    </div>
  );
}
