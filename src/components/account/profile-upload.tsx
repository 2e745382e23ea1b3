"use client";
import { cleanFileName } from "@/lib/file-name";
// The upload half shared by the avatar and cover editors: send the file with
// progress, follow the job until the image is processed, then refresh the
// page until it shows the new image (the job adopts it a moment after marking
// it ready), so "processing" never gives way to the old picture.
import { useCallback, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { formatBytes, limitOf, uploadFile, type UploadPurpose } from "@/components/media/upload-file";
import { WatchMedia } from "@/components/media/watch-media";
import type { MediaView } from "@/server/presenters/attachment-types";

type Crop = { left: number; top: number; size: number };

export type ProfileUploadState =
  | { step: "idle" }
  | { step: "uploading"; percent: number }
  | { step: "processing"; media: MediaView; name: string }
  | { step: "finishing"; mediaId: number; tries: number }
  | { step: "error"; error: string; name: string };

const MAX_REFRESHES = 20;

export function useProfileUpload(purpose: Extract<UploadPurpose, "avatar" | "cover">, currentId: number | null, onDone: () => void) {
  const router = useRouter();
  const [state, setState] = useState<ProfileUploadState>({ step: "idle" });
  // One key per (file, crop): a double-click or a retry of the same choice makes one upload.
  const key = useRef<{ file: File; crop: string; value: string } | null>(null);
  const busy = state.step === "uploading" || state.step === "processing" || state.step === "finishing";

  async function start(file: File, crop?: Crop) {
    if (busy) return;
    const cropSig = JSON.stringify(crop ?? null);
    if (key.current?.file !== file || key.current.crop !== cropSig) key.current = { file, crop: cropSig, value: crypto.randomUUID() };
    setState({ step: "uploading", percent: 0 });
    const res = await uploadFile(file, {
      purpose,
      crop,
      clientKey: key.current.value,
      onProgress: (loaded, total) => setState({ step: "uploading", percent: total ? Math.round((loaded / total) * 100) : 0 }),
    });
    if (!res.ok) return setState({ step: "error", error: res.error, name: cleanFileName(file.name) });
    const { media } = res.data;
    setState(media.status === "READY" ? { step: "finishing", mediaId: media.id, tries: 0 } : media.status === "FAILED" ? { step: "error", error: media.error ?? "processingFailed", name: cleanFileName(file.name) } : { step: "processing", media, name: cleanFileName(file.name) });
  }

  // Processing is over: refresh until the server renders the new image as the current one.
  useEffect(() => {
    if (state.step !== "finishing") return;
    const done = currentId === state.mediaId || state.tries >= MAX_REFRESHES;
    const timer = setTimeout(
      () => {
        if (done) {
          key.current = null;
          setState({ step: "idle" });
          onDone();
        } else {
          router.refresh();
          setState({ ...state, tries: state.tries + 1 });
        }
      },
      done || state.tries === 0 ? 0 : 750,
    );
    return () => clearTimeout(timer);
  }, [state, currentId, router, onDone]);

  const settled = useCallback(
    (media: MediaView) =>
      setState((s) =>
        s.step !== "processing" || s.media.id !== media.id
          ? s
          : media.status === "READY"
            ? { step: "finishing", mediaId: media.id, tries: 0 }
            : { step: "error", error: media.error ?? "processingFailed", name: s.name },
      ),
    [],
  );

  return { state, busy, start, settled, reset: () => setState({ step: "idle" }) };
}

/** "Up to 20 MB" next to the file picker, from the same limit the server enforces. */
export function LimitHint({ purpose, id }: { purpose: "avatar" | "cover"; id: string }) {
  const t = useTranslations("profileMedia");
  const locale = useLocale();
  return (
    <p id={id} className="text-xs text-stone-500">
      {t("limit", { limit: formatBytes(limitOf(purpose), locale) })}
    </p>
  );
}

/** The progress bar while uploading, "processing" while the job runs, or the error in the user's language. */
export function UploadStatus({ purpose, upload }: { purpose: "avatar" | "cover"; upload: ReturnType<typeof useProfileUpload> }) {
  const t = useTranslations("profileMedia");
  const te = useTranslations("errors");
  const locale = useLocale();
  const { state } = upload;
  if (state.step === "idle") return null;
  if (state.step === "error") {
    return (
      <p role="alert" className="text-sm text-red-700">
        {te(state.error, { name: state.name, limit: formatBytes(limitOf(purpose), locale) })}
      </p>
    );
  }
  const uploading = state.step === "uploading";
  return (
    <div className="space-y-1" role="status">
      {state.step === "processing" && <WatchMedia media={state.media} onSettled={upload.settled} />}
      <progress
        max={100}
        value={uploading ? state.percent : undefined}
        aria-label={uploading ? t("uploadProgress") : t("processingLabel")}
        className="h-2 w-full max-w-xs overflow-hidden rounded-full accent-brand-600"
      />
      <p className="text-sm text-stone-600">{uploading ? t("uploading", { percent: state.percent }) : t(`${purpose}Processing`)}</p>
    </div>
  );
}
