"use client";
// A song's cover art on its edit form: the current cover (or the neutral
// note), "Change cover" (pick an image: upload with progress, then
// "processing" until the media job has re-encoded it, then it becomes the
// cover) and "Remove cover". Each takes effect at once, independently of the
// form's Save, and refreshes the page so the card and the mini-player follow.
import { useCallback, useId, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { removeTrackCoverAction, setTrackCoverAction } from "@/actions/music-actions";
import { checkBeforeUpload, formatBytes, limitOf, uploadFile } from "@/components/media/upload-file";
import { WatchMedia } from "@/components/media/watch-media";
import { Button } from "@/components/ui/button";
import { cleanFileName } from "@/lib/file-name";
import { ACCEPT } from "@/server/media/limits";
import type { MediaView, MusicAttachment } from "@/server/presenters/attachment-types";
import type { PostView } from "@/server/presenters/post";

type Phase =
  | { step: "idle"; done?: "changed" | "removed" }
  | { step: "uploading"; file: File; percent: number }
  | { step: "processing"; file: File; media: MediaView }
  | { step: "saving"; file: File }
  | { step: "error"; file: File | null; error: string };

const PURPOSE = "track-cover";

export function TrackCoverEditor({ postId, title, attachment }: { postId: string; title: string; attachment: MusicAttachment }) {
  const t = useTranslations("music");
  const te = useTranslations("errors");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [removing, startRemove] = useTransition();
  // What the last change answered (the page's refresh may not reach an item loaded with "load more").
  const [answered, setAnswered] = useState<{ cover: string | null } | null>(null);
  const cover = answered ? answered.cover : attachment.cover;
  // One key per chosen file: a retry of the same file makes one upload.
  const key = useRef<{ file: File; value: string } | null>(null);
  const limit = formatBytes(limitOf(PURPOSE), locale);
  const songReady = attachment.media.status === "READY";
  const busy = phase.step === "uploading" || phase.step === "processing" || phase.step === "saving" || removing;

  const attach = useCallback(
    async (file: File, mediaId: number) => {
      setPhase({ step: "saving", file });
      const res = await setTrackCoverAction({ postId, mediaId });
      if (!res.ok) return setPhase({ step: "error", file, error: res.error });
      key.current = null;
      setAnswered({ cover: coverOf(res.data) });
      setPhase({ step: "idle", done: "changed" });
      router.refresh();
    },
    [postId, router],
  );

  const send = async (file: File) => {
    if (key.current?.file !== file) key.current = { file, value: crypto.randomUUID() };
    setPhase({ step: "uploading", file, percent: 0 });
    const res = await uploadFile(file, {
      purpose: PURPOSE,
      clientKey: key.current.value,
      onProgress: (loaded, total) => setPhase({ step: "uploading", file, percent: total ? Math.round((loaded / total) * 100) : 0 }),
    });
    if (!res.ok) return setPhase({ step: "error", file, error: res.error });
    const { media } = res.data;
    if (media.status === "READY") await attach(file, media.id);
    else if (media.status === "FAILED") setPhase({ step: "error", file, error: media.error ?? "processingFailed" });
    else setPhase({ step: "processing", file, media });
  };

  const choose = (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    const early = checkBeforeUpload(file, PURPOSE);
    if (early) return setPhase({ step: "error", file, error: early });
    void send(file);
  };

  const remove = () =>
    startRemove(async () => {
      const res = await removeTrackCoverAction({ postId });
      if (!res.ok) return setPhase({ step: "error", file: null, error: res.error });
      setAnswered({ cover: coverOf(res.data) });
      setPhase({ step: "idle", done: "removed" });
      router.refresh();
    });

  const settled = useCallback(
    (media: MediaView) => {
      if (phase.step !== "processing" || phase.media.id !== media.id) return;
      if (media.status === "READY") void attach(phase.file, media.id);
      else setPhase({ step: "error", file: phase.file, error: media.error ?? "processingFailed" });
    },
    [phase, attach],
  );

  const name = phase.step !== "idle" && phase.file ? cleanFileName(phase.file.name) : "";
  // A lost connection can be retried with the same file (and key); a refused file cannot.
  const retryFile = phase.step === "error" && (phase.error === "uploadNetwork" || phase.error === "internal") ? phase.file : null;
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-stone-700">{t("cover")}</legend>
      <div className="flex flex-wrap items-center gap-3">
        {cover ? (
          // eslint-disable-next-line @next/next/no-img-element -- privacy-checked media route
          <img src={cover} alt={t("coverAlt", { title })} className="h-20 w-20 shrink-0 rounded object-cover" data-testid="cover-preview" />
        ) : (
          <div role="img" aria-label={t("noCover")} className="flex h-20 w-20 shrink-0 items-center justify-center rounded bg-gradient-to-br from-brand-500 to-rose-400 text-2xl text-white">
            <span aria-hidden>♪</span>
          </div>
        )}
        <div className="flex flex-wrap items-center gap-2">
          <label
            className={`inline-flex min-h-9 items-center rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 focus-within:ring-2 focus-within:ring-brand-500 ${busy || !songReady ? "cursor-not-allowed opacity-70" : "cursor-pointer hover:bg-stone-50"}`}
          >
            {t("changeCover")}
            <input type="file" accept={ACCEPT.image} onChange={choose} disabled={busy || !songReady} aria-describedby={`${id}-hint`} className="sr-only" />
          </label>
          {cover && (
            <Button type="button" variant="secondary" onClick={remove} pending={removing} disabled={busy}>
              {t("removeCover")}
            </Button>
          )}
        </div>
      </div>
      <p id={`${id}-hint`} className="text-xs text-stone-500">
        {songReady ? t("coverHint", { limit }) : t("coverSongProcessing")}
      </p>
      {phase.step === "uploading" && (
        <div className="space-y-1" role="status">
          <progress max={100} value={phase.percent} aria-label={t("coverProgress", { name })} className="h-2 w-full max-w-xs accent-brand-600" />
          <p className="text-sm text-stone-600">{t("coverUploading", { name, percent: phase.percent })}</p>
        </div>
      )}
      {(phase.step === "processing" || phase.step === "saving") && (
        <div className="space-y-1" role="status">
          {phase.step === "processing" && <WatchMedia media={phase.media} onSettled={settled} />}
          <progress max={100} aria-label={t("coverProcessing", { name })} className="h-2 w-full max-w-xs accent-brand-600" />
          <p className="text-sm text-stone-600">{t("coverProcessing", { name })}</p>
        </div>
      )}
      {phase.step === "error" && (
        <div className="flex flex-wrap items-center gap-2">
          <p role="alert" className="min-w-0 flex-1 text-sm text-red-700">
            {te(phase.error, { name, limit })}
          </p>
          {retryFile && (
            <Button type="button" variant="secondary" onClick={() => void send(retryFile)}>
              {t("coverRetry")}
            </Button>
          )}
        </div>
      )}
      {phase.step === "idle" && phase.done && (
        <p role="status" className="text-sm text-stone-600">
          {t(phase.done === "changed" ? "coverChanged" : "coverRemoved")}
        </p>
      )}
    </fieldset>
  );
}

const coverOf = (post: PostView) => (post.attachment?.kind === "music" ? post.attachment.cover : null);
