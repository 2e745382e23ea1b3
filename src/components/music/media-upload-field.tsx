"use client";
import { cleanFileName } from "@/lib/file-name";
import { useId, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ACCEPT } from "@/server/media/limits";
import type { UploadResult } from "@/server/media/upload-types";
import type { MediaView } from "@/server/presenters/attachment-types";
import type { QuotaUsage } from "@/lib/upload-check";
import { useMediaStatus } from "@/components/media/use-media-status";
import { useQuota } from "@/components/media/use-quota";
import { StorageUsage } from "@/components/media/storage-usage";
import { formatBytes, limitOf, uploadFile } from "@/components/media/upload-file";
import { Button } from "@/components/ui/button";

type Phase = { step: "idle" } | { step: "uploading"; file: File; loaded: number; total: number } | { step: "failed"; file: File; error: string };

/**
 * Picks one song or video and uploads it with a progress bar (shared by the
 * music and video uploaders). The limit and the storage used are shown before
 * anything is sent, and a file over either is refused without sending it; a
 * retry reuses the file's client key, so the server keeps one upload.
 */
export function MediaUploadField({
  purpose,
  label,
  formats,
  usage,
  onUploaded,
}: {
  purpose: "audio" | "video";
  label: string;
  formats: string;
  /** The owner's storage, from the page. */
  usage?: QuotaUsage;
  onUploaded: (result: UploadResult, file: File) => void;
}) {
  const t = useTranslations("mediaUpload");
  const te = useTranslations("errors");
  const locale = useLocale();
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const keyRef = useRef<string>("");
  const abortRef = useRef<AbortController | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const limit = formatBytes(limitOf(purpose), locale);
  const quota = useQuota(usage);

  const send = async (file: File) => {
    const abort = new AbortController();
    abortRef.current = abort;
    setPhase({ step: "uploading", file, loaded: 0, total: file.size });
    const res = await quota.track(
      file.size,
      uploadFile(file, {
        purpose,
        clientKey: keyRef.current,
        remainingBytes: quota.remaining,
        signal: abort.signal,
        onProgress: (loaded, total) => setPhase((p) => (p.step === "uploading" && p.file === file ? { ...p, loaded, total } : p)),
      }),
    );
    if (abort.signal.aborted) return;
    if (res.ok) {
      setPhase({ step: "idle" });
      if (inputRef.current) inputRef.current.value = "";
      onUploaded(res.data, file);
    } else setPhase({ step: "failed", file, error: res.error });
  };

  const choose = (file: File | undefined) => {
    if (!file) return;
    keyRef.current = crypto.randomUUID();
    void send(file);
  };

  const cancel = () => {
    abortRef.current?.abort();
    setPhase({ step: "idle" });
    if (inputRef.current) inputRef.current.value = "";
  };

  const uploading = phase.step === "uploading";
  const percent = uploading ? Math.min(100, Math.round((phase.loaded / Math.max(1, phase.total)) * 100)) : 0;
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium text-stone-700">
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        type="file"
        accept={ACCEPT[purpose]}
        disabled={uploading}
        aria-describedby={`${id}-hint${phase.step === "failed" ? ` ${id}-error` : ""}`}
        aria-invalid={phase.step === "failed" || undefined}
        onChange={(e) => choose(e.target.files?.[0])}
        className="block w-full text-sm text-stone-700 file:mr-3 file:rounded-md file:border-0 file:bg-brand-600 file:px-3 file:py-2 file:text-sm file:font-medium file:text-white hover:file:bg-brand-700 disabled:opacity-60"
      />
      <p id={`${id}-hint`} className="text-xs text-stone-500">
        {formats} {t("limit", { limit })}
      </p>
      {quota.usage && <StorageUsage {...quota.usage} />}
      {uploading && (
        <div className="space-y-1" role="status">
          <div className="flex items-center gap-2 text-sm text-stone-700">
            <span className="min-w-0 flex-1 truncate">{t("uploading", { name: cleanFileName(phase.file.name) })}</span>
            <span className="tabular-nums">{percent}%</span>
          </div>
          <div className="flex items-center gap-2">
            <progress max={100} value={percent} aria-label={t("progress", { name: cleanFileName(phase.file.name) })} className="h-2 flex-1 accent-brand-600" />
            <Button type="button" variant="ghost" onClick={cancel}>
              {t("cancelUpload")}
            </Button>
          </div>
        </div>
      )}
      {phase.step === "failed" && (
        <div className="flex flex-wrap items-center gap-2">
          <p id={`${id}-error`} role="alert" className="min-w-0 flex-1 text-sm text-red-700">
            {te(phase.error, { name: cleanFileName(phase.file.name), limit })}
          </p>
          {phase.error === "uploadNetwork" || phase.error === "internal" ? (
            <Button type="button" variant="secondary" onClick={() => void send(phase.file)}>
              {t("retry")}
            </Button>
          ) : null}
        </div>
      )}
    </div>
  );
}

/** Under the form: whether the uploaded file is still being processed (poster, cover art, length). */
export function UploadStatus({ media }: { media: MediaView }) {
  const t = useTranslations("mediaUpload");
  const te = useTranslations("errors");
  const current = useMediaStatus(media);
  return (
    <p role="status" data-testid="upload-status" data-status={current.status} className={`text-xs ${current.status === "FAILED" ? "text-red-700" : "text-stone-500"}`}>
      {current.status === "PROCESSING" ? t("processing") : current.status === "READY" ? t("ready") : te(current.error ?? "processingFailed")}
    </p>
  );
}
