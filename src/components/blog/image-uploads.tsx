"use client";
import { useEffect } from "react";
import { useTranslations } from "next-intl";
import type { MediaView } from "@/server/presenters/attachment-types";
import { useMediaStatus } from "@/components/media/use-media-status";

export type UploadRow = {
  key: string;
  name: string;
  percent: number;
  /** Set once the upload has answered; the job may still be processing it. */
  media?: MediaView;
  /** Translated message when it failed. */
  error?: string;
};

/** One image on its way into the text: its progress, then processing, then gone once ready. */
function Row({ row, onSettled, onDismiss }: { row: UploadRow; onSettled: (key: string, media: MediaView) => void; onDismiss: (key: string) => void }) {
  const t = useTranslations("blog");
  const tm = useTranslations("media");
  if (row.error) {
    return (
      <li className="flex items-start gap-2 rounded bg-red-50 px-2 py-1 text-sm text-red-800" role="alert">
        <span className="min-w-0 flex-1 break-words">{row.error}</span>
        <button type="button" onClick={() => onDismiss(row.key)} className="text-xs underline">
          {t("dismiss")}
        </button>
      </li>
    );
  }
  if (row.media) return <Processing row={row} media={row.media} onSettled={onSettled} onDismiss={onDismiss} />;
  return (
    <li className="space-y-1 text-sm text-stone-700">
      <div className="flex justify-between gap-2">
        <span className="truncate">{tm("uploading", { name: row.name })}</span>
        <span aria-hidden>{tm("progress", { percent: row.percent })}</span>
      </div>
      <progress className="h-1.5 w-full accent-brand-600" value={row.percent} max={100} aria-label={tm("uploading", { name: row.name })} />
    </li>
  );
}

function Processing({ row, media, onSettled, onDismiss }: { row: UploadRow; media: MediaView; onSettled: (key: string, media: MediaView) => void; onDismiss: (key: string) => void }) {
  const t = useTranslations("blog");
  const te = useTranslations("errors");
  const current = useMediaStatus(media);
  useEffect(() => {
    if (current.status !== "PROCESSING") onSettled(row.key, current);
  }, [current, row.key, onSettled]);
  if (current.status === "FAILED") {
    return (
      <li className="flex items-start gap-2 rounded bg-red-50 px-2 py-1 text-sm text-red-800" role="alert">
        <span className="min-w-0 flex-1 break-words">
          {row.name}: {te(current.error ?? "processingFailed")}
        </span>
        <button type="button" onClick={() => onDismiss(row.key)} className="text-xs underline">
          {t("dismiss")}
        </button>
      </li>
    );
  }
  return <li className="text-sm text-stone-600">{current.status === "READY" ? t("imageReady", { name: row.name }) : t("imageProcessing", { name: row.name })}</li>;
}

export function ImageUploads({ rows, onSettled, onDismiss }: { rows: UploadRow[]; onSettled: (key: string, media: MediaView) => void; onDismiss: (key: string) => void }) {
  if (rows.length === 0) return null;
  return (
    <ul className="space-y-2 border-t border-stone-100 px-3 py-2" aria-live="polite">
      {rows.map((r) => (
        <Row key={r.key} row={r} onSettled={onSettled} onDismiss={onDismiss} />
      ))}
    </ul>
  );
}
