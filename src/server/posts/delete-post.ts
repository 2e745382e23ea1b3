import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { notFound } from "@/server/errors";
import { deleteMediaFiles } from "@/server/media/delete-media";

/**
 * Only the author may delete; anyone else's id answers exactly like a missing
 * post. Any kind: its detail row and the media that belong to it (song,
 * video, blog images) go with it (cascade), then their files. A photo batch's
 * card goes, its photos stay in their album.
 */
export async function deletePost(viewer: SignedInViewer, input: { postId: number }) {
  const keys = await db.$transaction(async (tx) => {
    const media = await tx.media.findMany({ where: { postId: input.postId, post: { authorId: viewer.id } }, select: { key: true } });
    const { count } = await tx.post.deleteMany({ where: { id: input.postId, authorId: viewer.id } });
    if (count === 0) throw notFound();
    return media.map((m) => m.key);
  });
  await deleteMediaFiles(keys);
}
