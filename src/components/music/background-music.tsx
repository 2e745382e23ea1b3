"use client";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { BackgroundTrack } from "@/server/music/background-track";

/**
 * The space's background music (QZone's 背景音乐) as a mini-player. It never
 * starts by itself (browsers forbid sound without a click): the visitor
 * presses Play. It is rendered by the space layout, which Next keeps mounted
 * across client navigations inside the space, and the one <audio> element
 * lives here, so the song plays on from tab to tab. Tracks play in the
 * owner's order and continue to the next at the end (a single track loops).
 */
export function BackgroundMusic({ tracks, ownerName }: { tracks: BackgroundTrack[]; ownerName: string }) {
  const t = useTranslations("bgm");
  const audio = useRef<HTMLAudioElement>(null);
  const [currentId, setCurrentId] = useState(tracks[0]?.id);
  const [playing, setPlaying] = useState(false);
  const [muted, setMuted] = useState(false);
  // Whether the visitor wants sound: survives a change of track (next, end of song).
  const wantPlay = useRef(false);

  // Tracks come from the server and may change on a refresh: follow the current one by id.
  const index = Math.max(0, tracks.findIndex((x) => x.id === currentId));
  const current = tracks[index];
  const src = current?.src;

  useEffect(() => {
    const el = audio.current;
    if (el && src && wantPlay.current) el.play().catch(() => setPlaying(false));
  }, [src]);

  // Another player on the page (a song's or a video's card) takes over.
  useEffect(() => {
    const onPlay = (e: Event) => {
      if (e.target !== audio.current && e.target instanceof HTMLMediaElement && !e.target.muted) {
        wantPlay.current = false;
        audio.current?.pause();
      }
    };
    document.addEventListener("play", onPlay, true);
    return () => document.removeEventListener("play", onPlay, true);
  }, []);

  if (!current) return null;

  const toggle = () => {
    const el = audio.current;
    if (!el) return;
    if (el.paused) {
      wantPlay.current = true;
      el.play().catch(() => {
        wantPlay.current = false;
        setPlaying(false);
      });
    } else {
      wantPlay.current = false;
      el.pause();
    }
  };

  const next = () => setCurrentId(tracks[(index + 1) % tracks.length]!.id);

  const toggleMute = () => {
    const el = audio.current;
    if (!el) return;
    el.muted = !el.muted;
    setMuted(el.muted);
  };

  const button = "inline-flex h-9 w-9 shrink-0 items-center justify-center rounded-full text-stone-700 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-brand-500";
  return (
    <section aria-label={t("region")} className="mb-4 flex items-center gap-3 rounded-lg border border-stone-200 bg-white px-3 py-2 shadow-sm" data-testid="background-music">
      {current.cover ? (
        // eslint-disable-next-line @next/next/no-img-element -- privacy-checked media route
        <img src={current.cover} alt="" className={`h-10 w-10 shrink-0 rounded-full object-cover ${playing ? "animate-[spin_8s_linear_infinite]" : ""}`} />
      ) : (
        <span aria-hidden className="flex h-10 w-10 shrink-0 items-center justify-center rounded-full bg-gradient-to-br from-brand-500 to-rose-400 text-lg text-white">
          ♪
        </span>
      )}
      <div className="min-w-0 flex-1">
        <p className="truncate text-xs text-stone-500">{t("caption", { name: ownerName })}</p>
        <p className="truncate text-sm text-stone-900" aria-live="polite" data-testid="bgm-now">
          <span className="sr-only">{t("nowPlaying")} </span>
          <span className="font-medium">{current.title}</span>
          {current.artist && <span className="text-stone-500"> — {current.artist}</span>}
        </p>
      </div>
      <button type="button" onClick={toggle} aria-label={playing ? t("pause") : t("play")} className={`${button} bg-brand-600 text-white hover:bg-brand-700`}>
        {playing ? <PauseIcon /> : <PlayIcon />}
      </button>
      {tracks.length > 1 && (
        <button type="button" onClick={next} aria-label={t("next")} className={button}>
          <NextIcon />
        </button>
      )}
      <button type="button" onClick={toggleMute} aria-label={t("mute")} aria-pressed={muted} className={`${button} ${muted ? "bg-stone-200" : ""}`}>
        {muted ? <MutedIcon /> : <SpeakerIcon />}
      </button>
      <audio
        ref={audio}
        src={current.src}
        preload="none"
        loop={tracks.length === 1}
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={() => {
          if (tracks.length > 1) next();
        }}
        data-testid="bgm-audio"
      />
    </section>
  );
}

const svg = { width: 18, height: 18, viewBox: "0 0 24 24", fill: "currentColor", "aria-hidden": true } as const;
const PlayIcon = () => (
  <svg {...svg}>
    <path d="M8 5v14l11-7z" />
  </svg>
);
const PauseIcon = () => (
  <svg {...svg}>
    <path d="M6 5h4v14H6zM14 5h4v14h-4z" />
  </svg>
);
const NextIcon = () => (
  <svg {...svg}>
    <path d="M6 6l8.5 6L6 18zM16 6h2v12h-2z" />
  </svg>
);
const SpeakerIcon = () => (
  <svg {...svg}>
    <path d="M4 9v6h4l5 4V5L8 9H4zm12.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4z" />
  </svg>
);
const MutedIcon = () => (
  <svg {...svg}>
    <path d="M4 9v6h4l5 4V5L8 9H4zm16.6 3 2.1-2.1-1.4-1.4-2.1 2.1-2.1-2.1-1.4 1.4 2.1 2.1-2.1 2.1 1.4 1.4 2.1-2.1 2.1 2.1 1.4-1.4z" />
  </svg>
);
