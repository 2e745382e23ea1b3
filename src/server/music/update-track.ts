import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { getPost } from "@/server/posts/get-post";
import type { UpdateTrackInput } from "@/lib/validation/music";
import { ownPostId } from "./media-post";

/** The owner corrects a track's title, artist, album or description (marked "edited"). */
export async function updateTrack(viewer: SignedInViewer, input: UpdateTrackInput) {
  await db.$transaction(async (tx) => {
    const postId = await ownPostId(tx, viewer, input.postId, "music");
    await tx.post.update({ where: { id: postId }, data: { title: input.title, body: input.description, editedAt: new Date() } });
    await tx.track.update({ where: { postId }, data: { artist: input.artist, albumName: input.album } });
  });
  return getPost(viewer, { postId: input.postId });
}
