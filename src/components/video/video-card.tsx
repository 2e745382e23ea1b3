"use client";
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { PostView } from "@/server/presenters/post";
import type { VideoAttachment } from "@/server/presenters/attachment-types";
import { formatDuration, isoDuration } from "@/components/music/duration";

/**
 * A video's player: a fixed 16:9 box (nothing shifts while it loads), the
 * native controls, and seeking through the media route's Range responses.
 * The poster is the frame the job took with ffmpeg; without one, a neutral
 * poster (a dark box with a play button) covers the player until it is started.
 */
export function VideoCard({ post, attachment }: { post: PostView; attachment: VideoAttachment }) {
  const t = useTranslations("video");
  const ref = useRef<HTMLVideoElement>(null);
  const [started, setStarted] = useState(false);
  const title = post.title ?? "";
  if (attachment.media.status === "FAILED") return null;
  const start = () => {
    setStarted(true);
    void ref.current?.play().catch(() => {});
  };
  return (
    <div className="mt-2" data-testid="video">
      <div className="relative aspect-video w-full overflow-hidden rounded-md bg-stone-900">
        <video
          ref={ref}
          controls
          preload="metadata"
          playsInline
          poster={attachment.poster ?? undefined}
          src={attachment.src}
          aria-label={t("player", { title })}
          onPlay={() => setStarted(true)}
          className="absolute inset-0 h-full w-full object-contain"
        />
        {!attachment.poster && !started && (
          <button
            type="button"
            onClick={start}
            aria-label={t("play", { title })}
            className="absolute inset-0 flex items-center justify-center bg-gradient-to-br from-stone-700 via-stone-800 to-stone-900 text-white focus-visible:outline-2 focus-visible:outline-offset-[-4px] focus-visible:outline-white"
            data-testid="neutral-poster"
          >
            <span className="flex h-14 w-14 items-center justify-center rounded-full bg-white/90 text-stone-900 shadow">
              <svg width="26" height="26" viewBox="0 0 24 24" fill="currentColor" aria-hidden>
                <path d="M8 5v14l11-7z" />
              </svg>
            </span>
          </button>
        )}
      </div>
      {attachment.durationMs != null && (
        <p className="mt-1 text-xs text-stone-500">
          <span className="sr-only">{t("duration")} </span>
          <time dateTime={isoDuration(attachment.durationMs)} className="tabular-nums">
            {formatDuration(attachment.durationMs)}
          </time>
        </p>
      )}
    </div>
  );
}
