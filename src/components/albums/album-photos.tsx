"use client";
import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { reorderPhotoAction } from "@/actions/album-actions";
import type { QuotaUsage } from "@/lib/upload-check";
import type { AlbumChoice, AlbumView } from "@/server/albums/album-types";
import type { UploadResult } from "@/server/media/upload-types";
import type { MediaView, PhotoView } from "@/server/presenters/attachment-types";
import { EmptyState } from "@/components/ui/empty-state";
import { PhotoEditor } from "./photo-editor";
import { PhotoGrid } from "./photo-grid";
import { PhotoUploader } from "./photo-uploader";

/**
 * The album page's photos. Everyone gets the grid and the viewer; the owner
 * also gets the uploader (new photos appear at once, "processing" until their
 * job has run) and an "organise" mode to edit, reorder, move and delete.
 */
export function AlbumPhotos({ album, initial, choices, usage }: { album: AlbumView; initial: PhotoView[]; choices: AlbumChoice[]; usage?: QuotaUsage }) {
  const t = useTranslations("albums");
  const te = useTranslations("errors");
  const router = useRouter();
  const [photos, setPhotos] = useState(initial);
  const [coverId, setCoverId] = useState<number | null>(album.coverPhotoId);
  const [organising, setOrganising] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  // Fresh server data (after router.refresh) replaces ours (adjusted while rendering, as React advises).
  const [seen, setSeen] = useState({ initial, cover: album.coverPhotoId });
  if (seen.initial !== initial || seen.cover !== album.coverPhotoId) {
    setSeen({ initial, cover: album.coverPhotoId });
    setPhotos(initial);
    setCoverId(album.coverPhotoId);
  }

  const onUploaded = useCallback((r: UploadResult) => {
    if (!r.photo) return;
    const photo: PhotoView = { id: r.photo.id, caption: "", alt: "", media: r.media };
    // A retried upload answers with the photo it already made.
    setPhotos((ps) => (ps.some((p) => p.id === photo.id) ? ps : [...ps, photo]));
  }, []);
  const onSettled = useCallback(() => router.refresh(), [router]);
  const onMedia = useCallback((photoId: number, media: MediaView) => setPhotos((ps) => ps.map((p) => (p.id === photoId ? { ...p, media } : p))), []);
  const onChanged = useCallback((photo: PhotoView) => setPhotos((ps) => ps.map((p) => (p.id === photo.id ? photo : p))), []);
  const onGone = useCallback(
    (photoId: number) => {
      setPhotos((ps) => ps.filter((p) => p.id !== photoId));
      router.refresh();
    },
    [router],
  );

  const reorder = (photoId: number, direction: "earlier" | "later") => {
    const before = photos;
    const i = before.findIndex((p) => p.id === photoId);
    const j = direction === "earlier" ? i - 1 : i + 1;
    if (i < 0 || j < 0 || j >= before.length) return;
    const next = [...before];
    [next[i], next[j]] = [next[j]!, next[i]!];
    setPhotos(next); // at once; undone if the server refuses
    // The moved photo's button keeps the focus, so pressing it again keeps moving the photo.
    requestAnimationFrame(() => document.getElementById(`photo-${photoId}-${direction}`)?.focus());
    startTransition(async () => {
      const res = await reorderPhotoAction({ photoId, direction });
      if (!res.ok) {
        setPhotos(before);
        setError(te(res.error));
      } else setError(null);
    });
  };

  return (
    <div className="space-y-4">
      {album.mine && <PhotoUploader albumId={album.id} albumTitle={album.title} usage={usage} onUploaded={onUploaded} onSettled={onSettled} />}
      {album.mine && photos.length > 0 && (
        <div className="flex justify-end">
          <button
            type="button"
            aria-pressed={organising}
            onClick={() => setOrganising((o) => !o)}
            className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-50"
          >
            {organising ? t("doneOrganising") : t("organise")}
          </button>
        </div>
      )}
      {error && (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      )}
      {photos.length === 0 ? (
        <EmptyState testId="album-empty">{album.mine ? t("emptyAlbumOwner") : t("emptyAlbum")}</EmptyState>
      ) : organising && album.mine ? (
        <ol className="space-y-2" aria-label={t("grid", { album: album.title })}>
          {photos.map((p, i) => (
            <PhotoEditor
              key={p.id}
              photo={p}
              n={i + 1}
              total={photos.length}
              albumId={album.id}
              isCover={coverId === p.id || (coverId === null && i === 0)}
              choices={choices}
              onReorder={reorder}
              onChanged={onChanged}
              onGone={onGone}
              onCover={setCoverId}
              onMedia={onMedia}
            />
          ))}
        </ol>
      ) : (
        <PhotoGrid photos={photos} albumTitle={album.title} onMedia={onMedia} />
      )}
    </div>
  );
}
