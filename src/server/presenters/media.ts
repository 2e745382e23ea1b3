import { mediaUrl } from "@/lib/media-url";
import type { MediaView } from "./attachment-types";

export type MediaRow = {
  id: number;
  status: "PROCESSING" | "READY" | "FAILED";
  error: string | null;
  width: number | null;
  height: number | null;
  placeholder: string | null;
  variants?: string[];
};

export const MEDIA_SELECT = { id: true, status: true, error: true, width: true, height: true, placeholder: true, variants: true, mime: true, durationMs: true } as const;

export function presentMedia(m: MediaRow): MediaView {
  return {
    id: m.id,
    status: m.status,
    error: m.error,
    width: m.width,
    height: m.height,
    placeholder: m.placeholder,
    thumb: mediaUrl(m.id, "thumb"),
    display: mediaUrl(m.id, "display"),
    original: mediaUrl(m.id, "original"),
  };
}
