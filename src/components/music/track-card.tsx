"use client";
import { useTranslations } from "next-intl";
import type { PostView } from "@/server/presenters/post";
import type { MusicAttachment } from "@/server/presenters/attachment-types";
import { formatDuration, isoDuration } from "./duration";

/**
 * A song's part of its card: cover art (made by the job from the file's
 * embedded picture) or a neutral note, artist · album, length, and the native
 * player. preload="none": a feed full of songs downloads nothing until one is
 * played. (The post card shows the title and description.)
 */
export function TrackCard({ post, attachment }: { post: PostView; attachment: MusicAttachment }) {
  const t = useTranslations("music");
  const title = post.title ?? "";
  const failed = attachment.media.status === "FAILED";
  const meta = [attachment.artist, attachment.albumName].filter(Boolean).join(" · ");
  return (
    <div className="mt-2 flex gap-3 rounded-md border border-stone-100 bg-stone-50 p-3" data-testid="track">
      {attachment.cover ? (
        // eslint-disable-next-line @next/next/no-img-element -- privacy-checked media route
        <img src={attachment.cover} alt={t("coverAlt", { title })} loading="lazy" className="h-16 w-16 shrink-0 rounded object-cover sm:h-20 sm:w-20" />
      ) : (
        <div aria-hidden className="flex h-16 w-16 shrink-0 items-center justify-center rounded bg-gradient-to-br from-brand-500 to-rose-400 text-2xl text-white sm:h-20 sm:w-20">
          ♪
        </div>
      )}
      <div className="min-w-0 flex-1">
        <p className="flex items-baseline gap-2 text-sm text-stone-700">
          <span className="min-w-0 flex-1 truncate" data-testid="track-meta">
            {meta}
          </span>
          {attachment.durationMs != null && (
            <time dateTime={isoDuration(attachment.durationMs)} className="shrink-0 text-xs tabular-nums text-stone-500">
              <span className="sr-only">{t("duration")} </span>
              {formatDuration(attachment.durationMs)}
            </time>
          )}
        </p>
        {!failed && <audio controls preload="none" src={attachment.src} aria-label={t("player", { title })} className="mt-2 h-10 w-full" />}
      </div>
    </div>
  );
}
