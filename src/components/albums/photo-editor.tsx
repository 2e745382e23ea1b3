"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { deletePhotoAction, movePhotoAction, setAlbumCoverAction, updatePhotoAction } from "@/actions/album-actions";
import type { AlbumChoice } from "@/server/albums/album-types";
import type { MediaView, PhotoView } from "@/server/presenters/attachment-types";
import { ALT_MAX, CAPTION_MAX } from "@/lib/validation/album";
import { Button } from "@/components/ui/button";
import { PhotoThumb, photoAlt } from "./photo-thumb";

/**
 * One photo in "organise" mode, for its owner: caption and alt text edited
 * in place, move earlier/later (plain buttons, so the keyboard can reorder),
 * move to another album, make it the cover, delete.
 */
export function PhotoEditor({
  photo,
  n,
  total,
  albumId,
  isCover,
  choices,
  onReorder,
  onChanged,
  onGone,
  onCover,
  onMedia,
}: {
  photo: PhotoView;
  n: number;
  total: number;
  albumId: number;
  isCover: boolean;
  choices: AlbumChoice[];
  onReorder: (photoId: number, direction: "earlier" | "later") => void;
  onChanged: (photo: PhotoView) => void;
  onGone: (photoId: number) => void;
  onCover: (photoId: number) => void;
  onMedia: (photoId: number, media: MediaView) => void;
}) {
  const t = useTranslations("albums");
  const te = useTranslations("errors");
  const [caption, setCaption] = useState(photo.caption);
  const [alt, setAlt] = useState(photo.alt);
  const [target, setTarget] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState<null | "save" | "move" | "cover" | "delete">(null);
  const others = choices.filter((c) => c.id !== albumId);
  const dirty = caption !== photo.caption || alt !== photo.alt;
  const id = `photo-${photo.id}`;

  const run = (what: NonNullable<typeof busy>, work: () => Promise<{ ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string> }>) => {
    setBusy(what);
    startTransition(async () => {
      const res = await work();
      setBusy(null);
      setErrors(res.ok ? {} : (res.fieldErrors ?? { _form: res.error }));
    });
  };

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    if (pending || !dirty) return;
    setSaved(false);
    run("save", async () => {
      const res = await updatePhotoAction({ photoId: photo.id, caption, alt });
      if (res.ok) {
        setCaption(res.data.caption);
        setAlt(res.data.alt);
        onChanged({ ...photo, caption: res.data.caption, alt: res.data.alt });
        setSaved(true);
      }
      return res;
    });
  };

  const move = () => {
    const albumTo = Number(target);
    if (!albumTo) return;
    run("move", async () => {
      const res = await movePhotoAction({ photoId: photo.id, albumId: albumTo });
      if (res.ok) onGone(photo.id);
      return res;
    });
  };

  const remove = () => {
    if (!window.confirm(t("confirmDeletePhoto"))) return;
    run("delete", async () => {
      const res = await deletePhotoAction({ photoId: photo.id });
      if (res.ok) onGone(photo.id);
      return res;
    });
  };

  const makeCover = () =>
    run("cover", async () => {
      const res = await setAlbumCoverAction({ albumId, photoId: photo.id });
      if (res.ok) onCover(photo.id);
      return res;
    });

  const err = (k: string) => (errors[k] ? te(errors[k]!) : null);
  return (
    <li className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-3 sm:flex-row" data-testid="photo-editor">
      <div className="flex shrink-0 items-start gap-2 sm:flex-col">
        <PhotoThumb photo={photo} alt={photoAlt(photo, t("photoN", { n }))} className="h-24 w-24 rounded" onMedia={onMedia} />
        {/* aria-disabled, not disabled, at the ends: the focused button must keep focus after its photo moves there. */}
        <div className="flex gap-1 sm:w-24 sm:justify-between">
          <button
            id={`${id}-earlier`}
            type="button"
            onClick={() => n > 1 && onReorder(photo.id, "earlier")}
            aria-disabled={n === 1}
            aria-label={t("moveEarlier", { n })}
            className="min-h-9 rounded-md border border-stone-300 px-2 text-sm hover:bg-stone-50 aria-disabled:opacity-40"
          >
            <span aria-hidden>↑</span> <span className="sm:sr-only">{t("earlier")}</span>
          </button>
          <button
            id={`${id}-later`}
            type="button"
            onClick={() => n < total && onReorder(photo.id, "later")}
            aria-disabled={n === total}
            aria-label={t("moveLater", { n })}
            className="min-h-9 rounded-md border border-stone-300 px-2 text-sm hover:bg-stone-50 aria-disabled:opacity-40"
          >
            <span aria-hidden>↓</span> <span className="sm:sr-only">{t("later")}</span>
          </button>
        </div>
      </div>
      <div className="min-w-0 flex-1 space-y-2">
        <form onSubmit={save} className="space-y-2" noValidate>
          <div>
            <label htmlFor={`${id}-caption`} className="block text-sm font-medium text-stone-700">
              {t("caption")} <span className="sr-only">({t("photoN", { n })})</span>
            </label>
            <textarea
              id={`${id}-caption`}
              value={caption}
              maxLength={CAPTION_MAX * 2}
              rows={2}
              onChange={(e) => {
                setCaption(e.target.value);
                setSaved(false);
              }}
              aria-invalid={errors.caption ? true : undefined}
              aria-describedby={errors.caption ? `${id}-caption-error` : undefined}
              className="block w-full rounded-md border border-stone-300 px-2 py-1.5 text-base outline-none focus:ring-2 focus:ring-brand-500"
            />
            {err("caption") && (
              <p id={`${id}-caption-error`} className="text-sm text-red-700">
                {err("caption")}
              </p>
            )}
          </div>
          <div>
            <label htmlFor={`${id}-alt`} className="block text-sm font-medium text-stone-700">
              {t("alt")} <span className="sr-only">({t("photoN", { n })})</span>
            </label>
            <input
              id={`${id}-alt`}
              value={alt}
              maxLength={ALT_MAX * 2}
              onChange={(e) => {
                setAlt(e.target.value);
                setSaved(false);
              }}
              aria-invalid={errors.alt ? true : undefined}
              aria-describedby={errors.alt ? `${id}-alt-error` : `${id}-alt-hint`}
              className="block w-full rounded-md border border-stone-300 px-2 py-1.5 text-base outline-none focus:ring-2 focus:ring-brand-500"
            />
            {err("alt") ? (
              <p id={`${id}-alt-error`} className="text-sm text-red-700">
                {err("alt")}
              </p>
            ) : (
              <p id={`${id}-alt-hint`} className="text-xs text-stone-500">
                {t("altHint")}
              </p>
            )}
          </div>
          <div className="flex items-center gap-2">
            <Button type="submit" variant="secondary" pending={busy === "save"} disabled={!dirty || pending}>
              {t("savePhoto")}
            </Button>
            {saved && !dirty && (
              <span className="text-sm text-emerald-700" role="status">
                {t("photoSaved")}
              </span>
            )}
          </div>
        </form>
        <div className="flex flex-wrap items-center gap-2 border-t border-stone-100 pt-2">
          {isCover ? (
            <span className="rounded bg-amber-100 px-2 py-1 text-xs font-medium text-amber-900">{t("isCover")}</span>
          ) : (
            <Button variant="ghost" onClick={makeCover} pending={busy === "cover"} disabled={pending}>
              {t("makeCover")}
            </Button>
          )}
          {others.length > 0 && (
            <span className="flex items-center gap-1">
              <label htmlFor={`${id}-move`} className="sr-only">
                {t("moveTo", { n })}
              </label>
              <select
                id={`${id}-move`}
                value={target}
                onChange={(e) => setTarget(e.target.value)}
                disabled={pending}
                className="max-w-40 rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm"
              >
                <option value="">{t("chooseAlbum")}</option>
                {others.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
              </select>
              <Button variant="secondary" onClick={move} pending={busy === "move"} disabled={!target || pending}>
                {t("move")}
              </Button>
            </span>
          )}
          <Button variant="danger" onClick={remove} pending={busy === "delete"} disabled={pending} className="ml-auto" aria-label={t("deletePhotoN", { n })}>
            {t("deletePhoto")}
          </Button>
        </div>
        {errors._form && (
          <p className="text-sm text-red-700" role="alert">
            {te(errors._form)}
          </p>
        )}
      </div>
    </li>
  );
}
