"use client";
// The square crop of a chosen image: drag (mouse, pen or touch) or arrow keys
// to move the image, a slider (or + / -) to zoom, and a live round preview of
// the result. Plain pointer events and CSS transforms on the file's object URL.
import { useRef } from "react";
import { useTranslations } from "next-intl";
import { imageStyle, MAX_ZOOM, MIN_ZOOM, panBy, zoomOf, zoomTo, type CropSquare, type Size } from "./avatar-crop";

export function AvatarCropper({
  src,
  image,
  square,
  onChange,
  disabled,
}: {
  src: string;
  image: Size;
  square: CropSquare;
  onChange: (next: (sq: CropSquare) => CropSquare) => void;
  disabled?: boolean;
}) {
  const t = useTranslations("profileMedia");
  const drag = useRef<{ id: number; x: number; y: number } | null>(null);
  const zoom = zoomOf(image, square);

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    if (disabled || (e.pointerType === "mouse" && e.button !== 0)) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { id: e.pointerId, x: e.clientX, y: e.clientY };
  };
  const onPointerMove = (e: React.PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return;
    // Screen pixels to image pixels: the box's width shows `side` image pixels.
    const perPx = square.side / e.currentTarget.getBoundingClientRect().width;
    const dx = (e.clientX - d.x) * perPx;
    const dy = (e.clientY - d.y) * perPx;
    drag.current = { ...d, x: e.clientX, y: e.clientY };
    onChange((sq) => panBy(image, sq, -dx, -dy));
  };
  const endDrag = (e: React.PointerEvent<HTMLDivElement>) => {
    if (drag.current?.id === e.pointerId) drag.current = null;
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (disabled) return;
    const step = square.side * (e.shiftKey ? 0.1 : 0.02);
    const moves: Record<string, [number, number]> = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    const move = moves[e.key];
    if (move) onChange((sq) => panBy(image, sq, move[0], move[1]));
    else if (e.key === "+" || e.key === "=") onChange((sq) => zoomTo(image, sq, zoomOf(image, sq) * 1.1));
    else if (e.key === "-" || e.key === "_") onChange((sq) => zoomTo(image, sq, zoomOf(image, sq) / 1.1));
    else return;
    e.preventDefault(); // the arrows would scroll the page
  };

  return (
    <div className="flex flex-wrap items-start gap-4">
      <div className="w-full max-w-72 space-y-2">
        <div
          role="group"
          tabIndex={disabled ? -1 : 0}
          aria-label={t("cropArea")}
          aria-describedby="avatar-crop-help"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={endDrag}
          onPointerCancel={endDrag}
          onKeyDown={onKeyDown}
          data-testid="avatar-crop"
          className={`relative aspect-square w-full touch-none select-none overflow-hidden rounded-md bg-stone-900 ${disabled ? "opacity-70" : "cursor-grab active:cursor-grabbing"}`}
        >
          {/* eslint-disable-next-line @next/next/no-img-element -- a local object URL of the chosen file */}
          <img src={src} alt="" draggable={false} style={imageStyle(image, square)} />
          {/* The round result, outlined over the square. */}
          <div aria-hidden className="pointer-events-none absolute inset-0 rounded-full shadow-[0_0_0_9999px_rgba(0,0,0,0.35)] ring-2 ring-white/80" />
        </div>
        <p id="avatar-crop-help" className="text-xs text-stone-500">
          {t("cropHelp")}
        </p>
        <label className="flex items-center gap-3 text-sm text-stone-700">
          <span>{t("zoom")}</span>
          <input
            type="range"
            min={MIN_ZOOM}
            max={MAX_ZOOM}
            step={0.01}
            value={zoom}
            disabled={disabled}
            onChange={(e) => onChange((sq) => zoomTo(image, sq, Number(e.target.value)))}
            className="flex-1 accent-brand-600"
          />
        </label>
      </div>
      <figure className="flex flex-col items-center gap-1">
        <div className="relative h-20 w-20 overflow-hidden rounded-full bg-stone-200 ring-2 ring-white shadow" data-testid="avatar-crop-preview">
          {/* eslint-disable-next-line @next/next/no-img-element -- a local object URL of the chosen file */}
          <img src={src} alt="" draggable={false} style={imageStyle(image, square)} />
        </div>
        <figcaption className="text-xs text-stone-500">{t("preview")}</figcaption>
      </figure>
    </div>
  );
}
