import "server-only";
import type { Readable } from "node:stream";
import { assertCanViewMedia, type Viewer } from "@/server/privacy";
import { notFound } from "@/server/errors";
import { storage } from "@/server/storage";
import { mediaKey } from "./purposes";

export const VARIANTS = ["original", "display", "thumb", "poster", "cover"] as const;
export type ServedVariant = (typeof VARIANTS)[number];

export type MediaResponse = { status: 200 | 206 | 304 | 416; headers: Record<string, string>; body: Readable | null };

/** Parses a single-range `Range: bytes=...` header. null = no (usable) Range header; "unsatisfiable" = 416. */
export function parseRange(header: string | null, size: number): { start: number; end: number } | null | "unsatisfiable" {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null; // multi-range or junk: answer with the whole file
  if (size === 0) return "unsatisfiable";
  let start: number;
  let end: number;
  if (m[1] === "") {
    const suffix = Number(m[2]);
    if (suffix === 0) return "unsatisfiable";
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return "unsatisfiable";
  return { start, end };
}

/**
 * One media file for one viewer. The privacy module decides first (a file the
 * viewer may not see is not_found, exactly like a missing one); then the
 * bytes, whole or one Range (206, which is what lets a video player seek).
 * Public files are cached for a year (a file never changes under its URL);
 * anything else is `private` and revalidated on every use, so narrowing an
 * audience or deleting takes effect at once.
 */
export async function readMedia(viewer: Viewer, input: { mediaId: number; variant: string; range: string | null; ifNoneMatch: string | null }): Promise<MediaResponse> {
  const media = await assertCanViewMedia(viewer, input.mediaId);
  if (!(VARIANTS as readonly string[]).includes(input.variant) || !media.variants.includes(input.variant)) throw notFound();
  const key = mediaKey(media.key, input.variant);
  const info = await storage().stat(key);
  if (!info) throw notFound();
  const publicFile = media.audience === "PUBLIC" && media.state === "READY";
  const etag = `"${media.key}-${input.variant}"`;
  const headers: Record<string, string> = {
    "Content-Type": input.variant === "original" ? media.mime : "image/webp",
    "X-Content-Type-Options": "nosniff",
    "Accept-Ranges": "bytes",
    "Cache-Control": publicFile ? "public, max-age=31536000, immutable" : "private, no-cache",
    ETag: etag,
    // Served files are never documents: no scripts even if a browser guessed wrong.
    "Content-Security-Policy": "default-src 'none'; media-src 'self'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
  if (input.ifNoneMatch && input.ifNoneMatch.split(",").some((t) => t.trim() === etag)) return { status: 304, headers, body: null };
  const range = parseRange(input.range, info.size);
  if (range === "unsatisfiable") return { status: 416, headers: { ...headers, "Content-Range": `bytes */${info.size}` }, body: null };
  const obj = await storage().get(key, range ?? undefined);
  if (!obj) throw notFound();
  if (range) {
    return {
      status: 206,
      headers: { ...headers, "Content-Range": `bytes ${range.start}-${range.end}/${info.size}`, "Content-Length": String(range.end - range.start + 1) },
      body: obj.body,
    };
  }
  return { status: 200, headers: { ...headers, "Content-Length": String(info.size) }, body: obj.body };
}
