import "server-only";
import sharp, { type Metadata, type Sharp } from "sharp";
import { rgbaToThumbHash } from "thumbhash";
import { MediaRejected } from "./errors";
import { DISPLAY_SIZE, MAX_IMAGE_PIXELS, THUMB_SIZE } from "./limits";

export { placeholderDataUrl } from "@/lib/placeholder";

// Every decode refuses truncated pixel data and anything above the pixel cap.
// failOn "truncated" is enough: libjpeg still reads every entropy-coded byte
// when shrinking on load, so a JPEG cut short fails even in the 100 px decode.
const INPUT = { failOn: "truncated", limitInputPixels: MAX_IMAGE_PIXELS } as const;

// Decoders we accept, as sharp names them (AVIF is "heif" with AV1 compression).
// The upload was sniffed already; this keeps SVG, TIFF, PDF… out even if a caller forgets.
const FORMATS = new Set<string>(["jpeg", "png", "webp", "gif", "heif"]);

// WebP cannot encode a side longer than 16383 px.
const WEBP_MAX_SIDE = 16383;
// ThumbHash takes at most 100×100 pixels.
const HASH_SIZE = 100;

const fitInside = (size: number) => ({ width: size, height: size, fit: "inside", withoutEnlargement: true }) as const;

/** Header only: no pixel is decoded, so a bomb declaring 20000×20000 is refused at once. */
async function readHeader(file: string | Buffer): Promise<Metadata> {
  let meta: Metadata;
  try {
    // No pixel limit here: sharp would otherwise throw its generic error for
    // an over-limit header, and we want to tell "too big" from "broken".
    meta = await sharp(file, { limitInputPixels: false }).metadata();
  } catch {
    throw new MediaRejected("unreadable");
  }
  if (!FORMATS.has(meta.format) || (meta.format === "heif" && meta.compression !== "av1")) {
    throw new MediaRejected("unsupportedType");
  }
  if (!meta.width || !meta.height) throw new MediaRejected("unreadable");
  if (meta.width * meta.height > MAX_IMAGE_PIXELS) throw new MediaRejected("tooManyPixels");
  return meta;
}

/** Dimensions as displayed, i.e. after applying EXIF orientation (5–8 swap the sides). */
function orientedSize(meta: Metadata): { width: number; height: number } {
  return meta.autoOrient ?? { width: meta.width, height: meta.height };
}

/**
 * Upload-time check: the header is sane, the pixels decode to the end, and a
 * ThumbHash placeholder (base64) to show while the renditions are made.
 */
export async function inspectImage(file: string | Buffer): Promise<{ width: number; height: number; placeholder: string }> {
  const meta = await readHeader(file);
  try {
    const { data, info } = await sharp(file, INPUT)
      .rotate()
      .resize(fitInside(HASH_SIZE))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const hash = rgbaToThumbHash(info.width, info.height, data);
    return { ...orientedSize(meta), placeholder: Buffer.from(hash).toString("base64") };
  } catch {
    throw new MediaRejected("unreadable");
  }
}

export type SquareCrop = {
  /** Fraction (0..1) of the oriented image's width where the square starts. */
  left: number;
  /** Fraction (0..1) of the oriented image's height where the square starts. */
  top: number;
  /** Side of the square as a fraction (0..1) of the oriented image's shorter side. */
  size: number;
};

/** The crop in pixels, clamped inside the image so a slightly-off client value still works. */
function cropBox(crop: SquareCrop, width: number, height: number) {
  for (const v of [crop.left, crop.top, crop.size]) {
    if (!Number.isFinite(v)) throw new RangeError("crop values must be finite numbers");
  }
  const shorter = Math.min(width, height);
  const side = Math.min(shorter, Math.max(1, Math.round(crop.size * shorter)));
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, Math.round(v)));
  return { left: clamp(crop.left * width, width - side), top: clamp(crop.top * height, height - side), width: side, height: side };
}

/**
 * The renditions we store. `original` replaces the uploaded bytes: a full-size
 * re-encode, so anything riding along in the file (HTML appended to a JPEG,
 * EXIF with GPS, ICC tricks) is never stored or served. Metadata is dropped
 * (sharp's default; withMetadata is never called). Animated GIF/WebP keep
 * their first frame only.
 */
export async function renderImageVariants(
  file: string | Buffer,
  opts: { crop?: SquareCrop } = {},
): Promise<{ original: Buffer; originalMime: "image/jpeg" | "image/webp"; display: Buffer; thumb: Buffer; width: number; height: number }> {
  const meta = await readHeader(file);
  const oriented = orientedSize(meta);
  let base: Sharp = sharp(file, INPUT).rotate();
  // extract() after rotate() works on the oriented image, the one the user saw when cropping.
  if (opts.crop) base = base.extract(cropBox(opts.crop, oriented.width, oriented.height));
  try {
    // Clones share the input; each resizes on its own, so display and thumb
    // benefit from JPEG shrink-on-load instead of scaling the full decode.
    // The full-size copy is a JPEG (encoding 12 MP as WebP took ~2.3 s of a
    // 3 s pipeline here; JPEG ~0.2 s), or WebP when there is transparency.
    const alpha = Boolean(meta.hasAlpha);
    const full = base.clone().resize(fitInside(WEBP_MAX_SIDE));
    const [original, display, thumb] = await Promise.all([
      (alpha ? full.webp({ quality: 90 }) : full.flatten({ background: "#ffffff" }).jpeg({ quality: 90, mozjpeg: false })).toBuffer({ resolveWithObject: true }),
      base.clone().resize(fitInside(DISPLAY_SIZE)).webp({ quality: 82 }).toBuffer(),
      base.clone().resize(fitInside(THUMB_SIZE)).webp({ quality: 75 }).toBuffer(),
    ]);
    return { original: original.data, originalMime: alpha ? "image/webp" : "image/jpeg", display, thumb, width: original.info.width, height: original.info.height };
  } catch {
    throw new MediaRejected("unreadable");
  }
}
