import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { MediaRejected } from "./errors";
import type { MediaKind } from "./limits";

/** How many leading bytes the caller should pass: file-type's own detection window. */
export const SNIFF_BYTES = 4100;

export type SniffedType = { mime: string; ext: string };

const JPEG = { mime: "image/jpeg", ext: "jpg" };
const PNG = { mime: "image/png", ext: "png" };
const M4A = { mime: "audio/mp4", ext: "m4a" };
const MP4 = { mime: "video/mp4", ext: "mp4" };

// The allowlist, keyed by what file-type reports as `${mime} ${ext}`, mapped
// to the MIME type we store and serve (what browsers play). Anything absent
// (SVG, HTML, PDF, zip, HEIC, Speex, MPEG layer 1/2, Matroska, DRM'd m4p, …) is refused.
const ALLOWED: Record<MediaKind, Record<string, SniffedType>> = {
  image: {
    "image/jpeg jpg": JPEG,
    "image/png png": PNG,
    // An animated PNG is still a PNG; we re-encode the first frame anyway.
    "image/apng apng": PNG,
    "image/webp webp": { mime: "image/webp", ext: "webp" },
    "image/gif gif": { mime: "image/gif", ext: "gif" },
    "image/avif avif": { mime: "image/avif", ext: "avif" },
  },
  audio: {
    "audio/mpeg mp3": { mime: "audio/mpeg", ext: "mp3" },
    // MP4 audio: file-type names it by the ftyp major brand (M4A, M4B, F4A…);
    // browsers only know audio/mp4.
    "audio/x-m4a m4a": M4A,
    "audio/mp4 m4b": M4A,
    "audio/mp4 f4a": M4A,
    "audio/mp4 f4b": M4A,
    "audio/aac aac": { mime: "audio/aac", ext: "aac" },
    "audio/ogg ogg": { mime: "audio/ogg", ext: "ogg" },
    "audio/ogg oga": { mime: "audio/ogg", ext: "oga" },
    "audio/ogg; codecs=opus opus": { mime: "audio/ogg", ext: "opus" },
    "audio/flac flac": { mime: "audio/flac", ext: "flac" },
    "audio/wav wav": { mime: "audio/wav", ext: "wav" },
  },
  video: {
    "video/mp4 mp4": MP4,
    "video/x-m4v m4v": MP4,
    "video/quicktime mov": { mime: "video/quicktime", ext: "mov" },
    "video/webm webm": { mime: "video/webm", ext: "webm" },
  },
};

/**
 * The type of an upload from its first bytes, restricted to what we accept
 * for `expected`. File names and the client's Content-Type are never used:
 * both are whatever the uploader says.
 */
export async function sniffType(head: Uint8Array, expected: MediaKind): Promise<SniffedType> {
  if (head.length === 0) throw new MediaRejected("empty");
  let detected: { mime: string; ext: string } | undefined;
  try {
    detected = await fileTypeFromBuffer(head);
  } catch {
    detected = undefined; // a parser choking on crafted bytes means "not a type we know"
  }
  if (!detected) throw new MediaRejected("unsupportedType");
  const allowed = ALLOWED[expected][`${detected.mime} ${detected.ext}`];
  if (allowed) return allowed;
  // An audio-only MP4 whose major brand is generic (isom, mp42) but which
  // declares the M4A brand as compatible: file-type only reads the major brand.
  if (expected === "audio" && detected.mime === "video/mp4" && detected.ext === "mp4" && compatibleBrands(head).includes("M4A ")) {
    return M4A;
  }
  throw new MediaRejected("unsupportedType");
}

/** The compatible brands listed in a leading ISO-BMFF `ftyp` box. */
function compatibleBrands(head: Uint8Array): string[] {
  if (head.length < 16) return [];
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const size = Math.min(view.getUint32(0), head.length);
  const brands: string[] = [];
  // Layout: size(4) "ftyp"(4) major(4) minor version(4) compatible brands(4 each).
  for (let at = 16; at + 4 <= size; at += 4) {
    brands.push(String.fromCharCode(...head.subarray(at, at + 4)));
  }
  return brands;
}
