// What each kind of upload is for, and the limits that follow from it. Shared
// by the upload use-case and the processing job.
import { MEDIA_LIMITS, type MediaKind } from "./limits";

// "cover" is the space cover (adopted by the job); "track-cover" a song's own cover art.
export const PURPOSES = ["photo", "inline", "avatar", "cover", "track-cover", "audio", "video"] as const;
export type Purpose = (typeof PURPOSES)[number];

export const PURPOSE_KIND: Record<Purpose, MediaKind> = {
  photo: "image",
  inline: "image",
  avatar: "image",
  cover: "image",
  "track-cover": "image",
  audio: "audio",
  video: "video",
};

export const limitFor = (purpose: Purpose) => MEDIA_LIMITS[PURPOSE_KIND[purpose]];

/** Images are re-encoded by the job (the upload is temporary); audio and video are served as uploaded. */
export const uploadVariant = (purpose: Purpose) => (PURPOSE_KIND[purpose] === "image" ? "upload" : "original");

/** Storage keys of a media row's files. Built from the row's UUID only, never from user input. */
export const mediaKey = (key: string, variant: string) => `m/${key}/${variant}`;
export const tmpKey = (key: string) => `tmp/${key}`;
