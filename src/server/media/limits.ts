// Upload limits shared by the upload form (client) and the media pipeline
// (server). Deliberately free of "server-only" and zod: browser code imports
// it to pre-check sizes and to build <input accept>.

export type MediaKind = "image" | "audio" | "video";

/** Largest accepted upload per kind, in bytes. */
export const MEDIA_LIMITS: Record<MediaKind, number> = {
  image: 20 * 1024 * 1024,
  audio: 50 * 1024 * 1024,
  video: 200 * 1024 * 1024,
};

/** Declared width × height above which an image is refused before decoding (decompression bombs). */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** Longest side of the "display" rendition. */
export const DISPLAY_SIZE = 2048;
/** Longest side of the thumbnail rendition. */
export const THUMB_SIZE = 400;

/** Per-user storage quota when MEDIA_QUOTA_BYTES is not set (the server reads the env). */
export const DEFAULT_QUOTA_BYTES = 2 * 1024 ** 3;

/**
 * <input accept> strings. Only a hint for the file picker: the server sniffs
 * content and ignores names and Content-Type. Audio lists extensions because
 * pickers disagree on audio MIME names (audio/x-m4a, audio/mp4, …).
 */
export const ACCEPT: Record<MediaKind, string> = {
  image: "image/jpeg,image/png,image/webp,image/gif,image/avif",
  audio: ".mp3,.m4a,.aac,.ogg,.oga,.flac,.wav,audio/*",
  video: ".mp4,.webm,.mov,video/mp4,video/webm,video/quicktime",
};
