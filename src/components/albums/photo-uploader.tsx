"use client";
import { cleanFileName } from "@/lib/file-name";
import { useCallback, useEffect, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ACCEPT } from "@/server/media/limits";
import type { UploadResult } from "@/server/media/upload-types";
import type { QuotaUsage } from "@/lib/upload-check";
import { checkBatchBeforeUpload, formatBytes, limitOf, uploadFile } from "@/components/media/upload-file";
import { useQuota } from "@/components/media/use-quota";
import { Button } from "@/components/ui/button";

/** Uploads at once: enough to overlap network and server work, few enough not to starve one file. */
const CONCURRENCY = 2;
/** A <progress> styled the same in every engine (its default look ignores accent-color in some). */
const bar = (tone: "ok" | "error", height: string) =>
  `block w-full ${height} appearance-none overflow-hidden rounded-full bg-stone-200 [&::-webkit-progress-bar]:bg-stone-200 ${
    tone === "ok" ? "[&::-webkit-progress-value]:bg-brand-600 [&::-moz-progress-bar]:bg-brand-600" : "[&::-webkit-progress-value]:bg-red-500 [&::-moz-progress-bar]:bg-red-500"
  }`;
/** Errors a retry can't fix: the same bytes will be refused again. */
const FINAL = new Set(["fileEmpty", "fileTooLarge", "fileUnsupported", "fileTooManyPixels", "fileUnreadable", "quotaExceeded"]);

type Row = {
  /** The file's idempotency key: a retry reuses it, so the server keeps one photo. */
  clientKey: string;
  /** One per selection (or drop): the feed gets one "added N photos" card per batch. */
  batch: string;
  file: File;
  loaded: number;
  status: "queued" | "uploading" | "done" | "error";
  error?: string;
};

/**
 * Adds photos to an album: a file picker, or files dropped anywhere on the
 * page. The limit is shown before anything is sent; chosen files are checked
 * at once (empty, too large, over what is left of the storage quota, counted
 * in order across the selection) and refused ones are never sent; each file
 * gets its own row with a progress bar and, if it fails, the reason naming it
 * and a retry; a total bar sums them. At most CONCURRENCY files travel at once.
 */
export function PhotoUploader({
  albumId,
  albumTitle,
  usage,
  onUploaded,
  onSettled,
}: {
  albumId: number;
  albumTitle: string;
  /** The owner's storage, from the page. */
  usage?: QuotaUsage;
  onUploaded: (r: UploadResult) => void;
  onSettled: () => void;
}) {
  const t = useTranslations("albums");
  const tm = useTranslations("media");
  const te = useTranslations("errors");
  const locale = useLocale();
  const limit = formatBytes(limitOf("photo"), locale);
  const { remaining, track } = useQuota(usage);
  const [rows, setRows] = useState<Row[]>([]);
  const [dragging, setDragging] = useState(false);
  const started = useRef(new Set<string>());
  const uploadedSinceSettle = useRef(false);
  const input = useRef<HTMLInputElement>(null);

  const patch = useCallback((clientKey: string, p: Partial<Row>) => setRows((rs) => rs.map((r) => (r.clientKey === clientKey ? { ...r, ...p } : r))), []);

  const addFiles = useCallback(
    (files: File[]) => {
      if (!files.length) return;
      const batch = crypto.randomUUID();
      setRows((rs) => {
        // Files still waiting for a slot take quota too (the quota hook counts a file from when it is sent).
        const waiting = rs.reduce((n, r) => n + (r.status === "queued" ? r.file.size : 0), 0);
        const checks = checkBatchBeforeUpload(files, "photo", remaining === null ? null : Math.max(0, remaining - waiting));
        return [
          ...rs,
          ...files.map((file, i): Row => {
            const error = checks[i];
            return { clientKey: crypto.randomUUID(), batch, file, loaded: 0, ...(error ? { status: "error", error } : { status: "queued" }) };
          }),
        ];
      });
    },
    [remaining],
  );

  const start = useCallback(
    async (row: Row) => {
      started.current.add(row.clientKey);
      patch(row.clientKey, { status: "uploading", loaded: 0, error: undefined });
      const res = await track(
        row.file.size,
        uploadFile(row.file, {
          purpose: "photo",
          clientKey: row.clientKey,
          albumId,
          batch: row.batch,
          onProgress: (loaded) => patch(row.clientKey, { loaded }),
        }),
      );
      started.current.delete(row.clientKey);
      if (res.ok) {
        uploadedSinceSettle.current = true;
        patch(row.clientKey, { status: "done", loaded: row.file.size });
        onUploaded(res.data);
      } else {
        patch(row.clientKey, { status: "error", error: res.error });
      }
    },
    [albumId, onUploaded, patch, track],
  );

  // The queue: whenever a slot is free, the next waiting file goes.
  useEffect(() => {
    const busy = rows.filter((r) => r.status === "uploading").length;
    const waiting = rows.filter((r) => r.status === "queued" && !started.current.has(r.clientKey));
    for (const row of waiting.slice(0, Math.max(0, CONCURRENCY - busy))) void start(row);
    // Everything finished: let the page catch up (covers, counts, the new batch card).
    if (busy === 0 && waiting.length === 0 && uploadedSinceSettle.current) {
      uploadedSinceSettle.current = false;
      onSettled();
    }
  }, [rows, start, onSettled]);

  // Files dropped anywhere on the album page are added (the browser would otherwise open them).
  useEffect(() => {
    const hasFiles = (e: DragEvent) => Boolean(e.dataTransfer?.types.includes("Files"));
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = "copy";
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      addFiles([...(e.dataTransfer?.files ?? [])]);
    };
    window.addEventListener("dragenter", enter);
    window.addEventListener("dragover", over);
    window.addEventListener("dragleave", leave);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragenter", enter);
      window.removeEventListener("dragover", over);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("drop", drop);
    };
  }, [addFiles]);

  const retry = (row: Row) => patch(row.clientKey, { status: "queued", loaded: 0, error: undefined });
  const remove = (row: Row) => setRows((rs) => rs.filter((r) => r.clientKey !== row.clientKey));
  const clearFinished = () => setRows((rs) => rs.filter((r) => r.status !== "done"));

  const totalBytes = rows.reduce((n, r) => n + r.file.size, 0);
  const loadedBytes = rows.reduce((n, r) => n + (r.status === "done" ? r.file.size : Math.min(r.loaded, r.file.size)), 0);
  const done = rows.filter((r) => r.status === "done").length;
  const percent = totalBytes ? Math.round((loadedBytes / totalBytes) * 100) : 0;

  return (
    <section className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm" aria-labelledby="uploader-title">
      <h3 id="uploader-title" className="mb-2 font-semibold">
        {t("uploaderTitle")}
      </h3>
      <div className={`rounded-md border-2 border-dashed p-4 text-center text-sm ${dragging ? "border-brand-500 bg-brand-50" : "border-stone-300"}`}>
        <p className="text-stone-600">{t("dropHint")}</p>
        <label className="mt-2 inline-flex min-h-9 cursor-pointer items-center rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white focus-within:ring-2 focus-within:ring-brand-500 focus-within:ring-offset-2 hover:bg-brand-700">
          <input
            ref={input}
            type="file"
            multiple
            accept={ACCEPT.image}
            className="sr-only"
            onChange={(e) => {
              addFiles([...(e.target.files ?? [])]);
              e.target.value = ""; // choosing the same files again is a new selection
            }}
          />
          {t("choosePhotos")}
        </label>
        <p className="mt-2 text-xs text-stone-500" data-testid="upload-limit">
          {tm("limitHint", { limit })}
        </p>
      </div>

      {rows.length > 0 && (
        <div className="mt-3 space-y-3">
          <div>
            <div className="mb-1 flex items-center justify-between text-xs text-stone-600">
              <span id="upload-total-text">{tm("total", { done, count: rows.length, percent })}</span>
              {done > 0 && (
                <button type="button" onClick={clearFinished} className="rounded px-2 py-1 text-brand-700 hover:bg-stone-100">
                  {t("clearFinished")}
                </button>
              )}
            </div>
            <progress className={bar("ok", "h-2")} max={Math.max(totalBytes, 1)} value={loadedBytes} aria-label={t("totalProgress")} aria-describedby="upload-total-text" />
          </div>
          <ul className="space-y-2" data-testid="upload-rows">
            {rows.map((r) => {
              // Shown exactly as the server will store it: no path, no direction overrides.
              const name = cleanFileName(r.file.name);
              const filePercent = r.file.size ? Math.round((Math.min(r.loaded, r.file.size) / r.file.size) * 100) : 0;
              const state =
                r.status === "queued" ? t("queued") : r.status === "uploading" ? t("uploading", { percent: filePercent }) : r.status === "done" ? t("uploaded") : t("failed");
              return (
                <li key={r.clientKey} className="text-sm" data-testid="upload-row" data-status={r.status}>
                  <div className="flex items-center gap-2">
                    <span className="min-w-0 flex-1 truncate" title={name}>
                      {name}
                    </span>
                    <span className={`shrink-0 text-xs ${r.status === "error" ? "text-red-700" : "text-stone-500"}`}>{state}</span>
                  </div>
                  <progress className={bar(r.status === "error" ? "error" : "ok", "mt-1 h-1.5")} max={Math.max(r.file.size, 1)} value={r.status === "done" ? r.file.size : r.loaded} aria-label={t("fileProgress", { name })} />
                  {r.status === "error" && (
                    <div className="mt-1 flex flex-wrap items-center gap-2">
                      <p className="flex-1 text-red-700" role="alert">
                        {te(r.error ?? "internal", { name, limit })}
                      </p>
                      {!FINAL.has(r.error ?? "") && (
                        <Button variant="secondary" onClick={() => retry(r)} aria-label={`${tm("retry")}: ${name}`}>
                          {tm("retry")}
                        </Button>
                      )}
                      <Button variant="ghost" onClick={() => remove(r)} aria-label={`${tm("remove")}: ${name}`}>
                        {tm("remove")}
                      </Button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {dragging && (
        <div className="pointer-events-none fixed inset-0 z-40 flex items-center justify-center bg-brand-600/20 p-6" aria-hidden>
          <p className="rounded-lg bg-white px-6 py-4 text-lg font-medium text-stone-900 shadow-lg">{t("dropOverlay", { album: albumTitle })}</p>
        </div>
      )}
    </section>
  );
}
