"use client";
import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { thumbHashToDataURL } from "thumbhash";
import type { MediaView } from "@/server/presenters/attachment-types";

function placeholderUrl(hash: string | null): string | undefined {
  if (!hash) return undefined;
  try {
    return thumbHashToDataURL(Uint8Array.from(atob(hash), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/**
 * A stored image: its blurred placeholder (thumbhash) fills the box at once,
 * the real image fades in over it; the box keeps the image's aspect ratio so
 * nothing shifts when it loads. Processing and failed images (seen only by
 * their owner) say so instead.
 */
export function MediaImage({
  media,
  variant = "thumb",
  alt,
  className = "",
  fit = "cover",
  priority = false,
}: {
  media: MediaView;
  variant?: "thumb" | "display" | "original";
  alt: string;
  className?: string;
  fit?: "cover" | "contain";
  priority?: boolean;
}) {
  const t = useTranslations("media");
  const te = useTranslations("errors");
  const [loaded, setLoaded] = useState(false);
  const bg = useMemo(() => placeholderUrl(media.placeholder), [media.placeholder]);
  const style = { backgroundImage: bg ? `url(${bg})` : undefined, backgroundSize: "cover", backgroundPosition: "center" };
  if (media.status !== "READY") {
    return (
      <div className={`relative flex items-center justify-center overflow-hidden bg-stone-200 text-xs text-stone-700 ${className}`} style={style} data-media-status={media.status}>
        <span className="rounded bg-white/85 px-2 py-1 text-center" role="status">
          {media.status === "PROCESSING" ? t("processing") : `${t("failed")}: ${te(media.error ?? "processingFailed")}`}
        </span>
      </div>
    );
  }
  return (
    <div className={`relative overflow-hidden bg-stone-200 ${className}`} style={style}>
      {/* eslint-disable-next-line @next/next/no-img-element -- our own privacy-checked media route; next/image would proxy and cache it */}
      <img
        src={media[variant]}
        alt={alt}
        width={media.width ?? undefined}
        height={media.height ?? undefined}
        loading={priority ? "eager" : "lazy"}
        decoding="async"
        onLoad={() => setLoaded(true)}
        className={`h-full w-full transition-opacity duration-300 ${fit === "cover" ? "object-cover" : "object-contain"} ${loaded ? "opacity-100" : "opacity-0"}`}
      />
    </div>
  );
}
