"use client";
// Sends one file to /api/uploads with XMLHttpRequest (fetch has no upload
// progress events). The body is the file itself, so the server can stream it.
// Size, emptiness and the remaining quota are checked here first, against the
// same limits the server enforces while receiving.
import { checkUploads, type UploadCheck } from "@/lib/upload-check";
import { MEDIA_LIMITS } from "@/server/media/limits";
import type { UploadResult } from "@/server/media/upload-types";

export type UploadPurpose = "photo" | "inline" | "avatar" | "cover" | "track-cover" | "audio" | "video";
const KIND: Record<UploadPurpose, keyof typeof MEDIA_LIMITS> = { photo: "image", inline: "image", avatar: "image", cover: "image", "track-cover": "image", audio: "audio", video: "video" };

export const limitOf = (purpose: UploadPurpose) => MEDIA_LIMITS[KIND[purpose]];

export type UploadOptions = {
  purpose: UploadPurpose;
  /** Generated once per file by the caller and reused on retry: the server then creates one item. */
  clientKey: string;
  albumId?: number;
  batch?: string;
  crop?: { left: number; top: number; size: number };
  /** What is left of the owner's quota (from the page), when known: a file over it is refused before sending. */
  remainingBytes?: number | null;
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
};

/** error is an i18n key under "errors"; messages take {name} and {limit}. */
export type UploadOutcome = { ok: true; data: UploadResult } | { ok: false; error: string; status: number };

export function checkBeforeUpload(file: File, purpose: UploadPurpose, remainingBytes: number | null = null): UploadCheck {
  return checkUploads([file.size], limitOf(purpose), remainingBytes)[0]!;
}

/** The same for several files chosen at once: the batch is counted against the remaining quota in order. */
export function checkBatchBeforeUpload(files: readonly File[], purpose: UploadPurpose, remainingBytes: number | null): UploadCheck[] {
  return checkUploads(files.map((f) => f.size), limitOf(purpose), remainingBytes);
}

export function uploadFile(file: File, opts: UploadOptions): Promise<UploadOutcome> {
  const early = checkBeforeUpload(file, opts.purpose, opts.remainingBytes ?? null);
  if (early) return Promise.resolve({ ok: false, error: early, status: 0 });
  const q = new URLSearchParams({ purpose: opts.purpose, name: file.name, clientKey: opts.clientKey });
  if (opts.albumId) q.set("albumId", String(opts.albumId));
  if (opts.batch) q.set("batch", opts.batch);
  if (opts.crop) q.set("crop", [opts.crop.left, opts.crop.top, opts.crop.size].map((n) => n.toFixed(5)).join(","));
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/uploads?${q}`);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (e) => opts.onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      let body: { error?: string; message?: string } & Partial<UploadResult> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {}
      if (xhr.status === 200) resolve({ ok: true, data: body as UploadResult });
      else resolve({ ok: false, status: xhr.status, error: body.message ?? (xhr.status === 413 ? "fileTooLarge" : body.error === "unauthenticated" ? "signInRequired" : "internal") });
    };
    // The server may answer 413 and close the connection mid-body: the browser then reports a network error.
    xhr.onerror = () => resolve({ ok: false, status: 0, error: "uploadNetwork" });
    xhr.onabort = () => resolve({ ok: false, status: 0, error: "uploadNetwork" });
    opts.signal?.addEventListener("abort", () => xhr.abort());
    xhr.send(file);
  });
}

export { formatBytes } from "@/lib/format-bytes";
