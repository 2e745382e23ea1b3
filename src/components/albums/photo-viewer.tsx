"use client";
import { useCallback, useEffect, useRef } from "react";
import { createPortal } from "react-dom";
import { useTranslations } from "next-intl";
import type { PhotoView } from "@/server/presenters/attachment-types";
import { MediaImage } from "@/components/media/media-image";
import { photoAlt } from "./photo-thumb";

const SWIPE_PX = 50;
const FOCUSABLE = 'a[href], button:not([disabled]), input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * A modal photo viewer: Left/Right move, Esc closes, a horizontal swipe on a
 * touch screen (pointer events) moves too. Focus stays inside while it is
 * open and returns to whatever opened it. The stage has a fixed height and
 * each photo a box of its own aspect ratio, so nothing jumps while it loads.
 */
export function PhotoViewer({
  photos,
  index,
  onIndex,
  onClose,
  title,
  footer,
}: {
  photos: PhotoView[];
  index: number;
  onIndex: (i: number) => void;
  onClose: () => void;
  title: string;
  footer?: React.ReactNode;
}) {
  const t = useTranslations("albums");
  const dialog = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const swipe = useRef<{ id: number; x: number; y: number } | null>(null);
  const photo = photos[index];
  const total = photos.length;
  const prev = useCallback(() => index > 0 && onIndex(index - 1), [index, onIndex]);
  const next = useCallback(() => index < total - 1 && onIndex(index + 1), [index, total, onIndex]);

  // The arrows are aria-disabled rather than disabled at the ends: a disabled
  // button would drop the focus (and with it the keyboard) out of the dialog.

  // Opening: focus moves in and the page behind stops scrolling; closing puts both back.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const overflow = document.body.style.overflow;
    document.body.style.overflow = "hidden";
    closeButton.current?.focus();
    return () => {
      document.body.style.overflow = overflow;
      opener?.focus();
    };
  }, []);

  // The neighbours' display images load ahead, so moving feels instant.
  useEffect(() => {
    for (const p of [photos[index - 1], photos[index + 1]]) {
      if (p?.media.status === "READY") new window.Image().src = p.media.display;
    }
  }, [photos, index]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      onClose();
    } else if (e.key === "ArrowLeft") {
      e.preventDefault();
      prev();
    } else if (e.key === "ArrowRight") {
      e.preventDefault();
      next();
    } else if (e.key === "Tab") {
      const els = [...(dialog.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
      if (!els.length) return;
      const first = els[0]!;
      const last = els[els.length - 1]!;
      if (e.shiftKey && (document.activeElement === first || document.activeElement === dialog.current)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  };

  const onPointerDown = (e: React.PointerEvent) => {
    if (e.pointerType === "mouse") return; // a mouse has the buttons and keys
    swipe.current = { id: e.pointerId, x: e.clientX, y: e.clientY };
  };
  const onPointerUp = (e: React.PointerEvent) => {
    const s = swipe.current;
    swipe.current = null;
    if (!s || s.id !== e.pointerId) return;
    const dx = e.clientX - s.x;
    const dy = e.clientY - s.y;
    if (Math.abs(dx) < SWIPE_PX || Math.abs(dx) < Math.abs(dy)) return;
    if (dx < 0) next();
    else prev();
  };

  if (!photo) return null;
  const ratio = photo.media.width && photo.media.height ? photo.media.width / photo.media.height : 1;
  const alt = photoAlt(photo, t("photoN", { n: index + 1 }));
  return createPortal(
    <div
      ref={dialog}
      role="dialog"
      aria-modal="true"
      aria-label={`${t("viewer")}: ${title}`}
      aria-describedby="photo-viewer-hint"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      className="fixed inset-0 z-50 flex flex-col bg-stone-950 text-white outline-none"
      data-testid="photo-viewer"
    >
      <div className="flex items-center gap-3 px-3 py-2">
        <p className="min-w-0 flex-1 truncate text-sm font-medium">{title}</p>
        <p className="text-sm tabular-nums" aria-live="polite" data-testid="photo-viewer-position">
          {t("position", { n: index + 1, total })}
        </p>
        <button ref={closeButton} type="button" onClick={onClose} className="rounded-md px-3 py-1.5 text-sm hover:bg-white/10 focus-visible:ring-2 focus-visible:ring-white">
          {t("close")}
        </button>
      </div>
      <p id="photo-viewer-hint" className="sr-only">
        {t("swipeHint")}
      </p>
      <div
        className="relative flex min-h-0 flex-1 touch-pan-y select-none items-center justify-center px-2"
        onPointerDown={onPointerDown}
        onPointerUp={onPointerUp}
        onPointerCancel={() => (swipe.current = null)}
      >
        <div style={{ aspectRatio: String(ratio), width: `min(100%, calc(72dvh * ${ratio}))` }} className="max-h-full">
          <MediaImage key={photo.id} media={photo.media} variant="display" alt={alt} fit="contain" className="h-full w-full bg-transparent" priority />
        </div>
        <button
          type="button"
          onClick={prev}
          aria-disabled={index === 0}
          aria-label={t("previous")}
          className="absolute left-1 top-1/2 -translate-y-1/2 rounded-full bg-black/40 px-3 py-3 text-2xl leading-none hover:bg-black/60 focus-visible:ring-2 focus-visible:ring-white aria-disabled:opacity-30 sm:left-3"
        >
          <span aria-hidden>‹</span>
        </button>
        <button
          type="button"
          onClick={next}
          aria-disabled={index === total - 1}
          aria-label={t("next")}
          className="absolute right-1 top-1/2 -translate-y-1/2 rounded-full bg-black/40 px-3 py-3 text-2xl leading-none hover:bg-black/60 focus-visible:ring-2 focus-visible:ring-white aria-disabled:opacity-30 sm:right-3"
        >
          <span aria-hidden>›</span>
        </button>
      </div>
      <div className="mx-auto w-full max-w-2xl px-4 pt-2 pb-4 text-center">
        {photo.caption && <p className="whitespace-pre-wrap break-words text-[15px]">{photo.caption}</p>}
        {footer && <div className="mt-2 text-sm">{footer}</div>}
      </div>
    </div>,
    document.body,
  );
}
