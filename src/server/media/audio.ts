import "server-only";
import { stat } from "node:fs/promises";
import { parseFile, selectCover, type IAudioMetadata } from "music-metadata";
import { MEDIA_LIMITS } from "./limits";

export type AudioTags = {
  title: string | null;
  artist: string | null;
  album: string | null;
  durationMs: number | null;
  /** Embedded artwork, untrusted bytes: pass through renderImageVariants before storing. */
  cover: { data: Buffer; mime: string } | null;
};

const NO_TAGS: AudioTags = { title: null, artist: null, album: null, durationMs: null, cover: null };
const MAX_TAG_CHARS = 200;

// C0/C1 controls, DEL, BOM, and the bidi embeddings/overrides/isolates
// (U+202A–U+202E, U+2066–U+2069) that could make a title render reversed or
// swallow the text around it.
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** A tag fit to show: unsafe characters removed, at most 200 code points, null when blank. */
function cleanTag(value: string | undefined): string | null {
  if (!value) return null;
  const cleaned = [...value.replace(UNSAFE_CHARS, "").trim()].slice(0, MAX_TAG_CHARS).join("").trim();
  return cleaned || null;
}

/**
 * Title, artist, album, duration and cover of an audio file already proven
 * to be audio by sniffing. A file without tags, or one music-metadata cannot
 * parse, yields nulls: tags are a nicety, not a check.
 */
export async function readAudioTags(file: string): Promise<AudioTags> {
  let meta: IAudioMetadata;
  try {
    // duration: false reads headers only (Xing/Info, STREAMINFO, mvhd, WAV
    // data size, CBR from file size) and stops early.
    meta = await parseFile(file, { duration: false });
  } catch {
    return NO_TAGS;
  }
  let seconds = meta.format.duration;
  if (seconds === undefined) seconds = await scanDuration(file);
  const picture = selectCover(meta.common.picture);
  const cover =
    picture && picture.data.length > 0 && picture.data.length <= MEDIA_LIMITS.image
      ? { data: Buffer.from(picture.data), mime: picture.format.toLowerCase() }
      : null;
  return {
    title: cleanTag(meta.common.title),
    artist: cleanTag(meta.common.artist ?? meta.common.artists?.[0]),
    album: cleanTag(meta.common.album),
    durationMs: seconds !== undefined && Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000) : null,
    cover,
  };
}

/**
 * Fallback when the headers carry no duration (VBR MP3 without a Xing header,
 * long Ogg): count frames through the whole file. Bounded by refusing files
 * above the audio upload limit, which the upload already enforced.
 */
async function scanDuration(file: string): Promise<number | undefined> {
  try {
    if ((await stat(file)).size > MEDIA_LIMITS.audio) return undefined;
    const meta = await parseFile(file, { duration: true, skipCovers: true });
    return meta.format.duration;
  } catch {
    return undefined;
  }
}
