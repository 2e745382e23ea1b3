import { mediaUrl } from "@/lib/media-url";

/**
 * Where a track's cover art is served: the owner's own image (its thumbnail,
 * the size of the embedded art) once processed, else the art the job took
 * from the file's tags, else none (the player shows a neutral note). Every
 * card, the mini-player and repost embeds read it from here.
 */
export function trackCoverUrl(song: { id: number; variants: string[] }, own: { id: number; status: string } | null | undefined): string | null {
  if (own?.status === "READY") return mediaUrl(own.id, "thumb");
  return song.variants.includes("cover") ? mediaUrl(song.id, "cover") : null;
}
