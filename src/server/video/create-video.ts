import "server-only";
import type { SignedInViewer } from "@/server/auth/viewer";
import { createMediaPost } from "@/server/music/media-post";
import { getPost } from "@/server/posts/get-post";
import type { CreateVideoInput } from "@/lib/validation/video";

/**
 * Publishes an uploaded video (视频): a "video" post (title, description)
 * plus its video row. The processing job reads the duration and makes the
 * poster frame (with ffmpeg; without it the video is READY with no poster and
 * the player shows a neutral one); the item is PROCESSING until then.
 */
export async function createVideo(viewer: SignedInViewer, input: CreateVideoInput) {
  const postId = await createMediaPost(viewer, {
    kind: "video",
    purpose: "video",
    mediaId: input.mediaId,
    title: input.title,
    body: input.description,
    audience: input.audience,
    audienceGroupIds: input.audienceGroupIds,
    audienceUserIds: input.audienceUserIds,
    clientKey: input.clientKey,
    writeDetail: (tx, id, media) => tx.video.create({ data: { postId: id, mediaId: media.id, durationMs: media.durationMs } }),
  });
  return getPost(viewer, { postId });
}
