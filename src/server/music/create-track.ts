import "server-only";
import type { SignedInViewer } from "@/server/auth/viewer";
import { getPost } from "@/server/posts/get-post";
import type { CreateTrackInput } from "@/lib/validation/music";
import { createMediaPost } from "./media-post";

/**
 * Publishes an uploaded audio file as a track (音乐): a "music" post whose
 * title is the song title and body its description, plus the track row
 * (artist, album, duration read from the file's tags at upload, as edited).
 * Cover art is made by the processing job; the item is READY once it ran.
 */
export async function createTrack(viewer: SignedInViewer, input: CreateTrackInput) {
  const postId = await createMediaPost(viewer, {
    kind: "music",
    purpose: "audio",
    mediaId: input.mediaId,
    title: input.title,
    body: input.description,
    audience: input.audience,
    audienceGroupIds: input.audienceGroupIds,
    audienceUserIds: input.audienceUserIds,
    clientKey: input.clientKey,
    writeDetail: (tx, id, media) =>
      tx.track.create({ data: { postId: id, authorId: viewer.id, mediaId: media.id, artist: input.artist, albumName: input.album, durationMs: media.durationMs } }),
  });
  return getPost(viewer, { postId });
}
