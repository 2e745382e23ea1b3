import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { ownPostId } from "@/server/music/media-post";
import { getPost } from "@/server/posts/get-post";
import type { UpdateVideoInput } from "@/lib/validation/video";

/** The owner changes a video's title or description (marked "edited"). */
export async function updateVideo(viewer: SignedInViewer, input: UpdateVideoInput) {
  await db.$transaction(async (tx) => {
    const postId = await ownPostId(tx, viewer, input.postId, "video");
    await tx.post.update({ where: { id: postId }, data: { title: input.title, body: input.description, editedAt: new Date() } });
  });
  return getPost(viewer, { postId: input.postId });
}
