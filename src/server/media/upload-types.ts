// Wire shape of an upload's answer (no server imports: the browser's upload client uses it).
import type { MediaView } from "@/server/presenters/attachment-types";

export type Tags = { title: string | null; artist: string | null; album: string | null; durationMs: number | null };

export type UploadResult = {
  media: MediaView & { fileName: string; mime: string; bytes: number };
  /** audio: what the file's tags say, to prefill the form. */
  tags?: Tags;
  /** photo: the new photo and its batch's feed item. */
  photo?: { id: number; postId: number };
};
