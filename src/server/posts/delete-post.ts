import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { notFound } from "@/server/errors";
import { deleteMediaFiles } from "@/server/media/delete-media";
import { uncountRepost } from "@/server/reposts/repost-count";
import { isAdminGrant, type AdminGrant } from "@/server/privacy/admin";

/**
 * Only the author may delete; anyone else's id answers exactly like a missing
 * post. Any kind: its detail row and the media that belong to it (song,
 * video, blog images) go with it (cascade), then their files. A photo batch's
 * card goes, its photos stay in their album.
 *
 * `moderation`: an admin removing a reported item (src/server/reports)
 * passes the grant from requireAdmin and may delete anyone's item. Actions
 * never pass it (they call use-cases with the viewer and the input only).
 */
export async function deletePost(viewer: SignedInViewer, input: { postId: number }, moderation?: AdminGrant) {
  const byAuthor = isAdminGrant(moderation, viewer.id) ? {} : { authorId: viewer.id };
  const keys = await db.$transaction(async (tx) => {
    const media = await tx.media.findMany({ where: { postId: input.postId, post: { is: { id: input.postId, ...byAuthor } } }, select: { key: true } });
    const repost = await tx.post.findFirst({ where: { id: input.postId, ...byAuthor }, select: { repostOfId: true } });
    const { count } = await tx.post.deleteMany({ where: { id: input.postId, ...byAuthor } });
    if (count === 0) throw notFound();
    // A repost: its original's repost_count goes down in the same transaction.
    if (repost?.repostOfId != null) await uncountRepost(tx, repost.repostOfId);
    return media.map((m) => m.key);
  });
  await deleteMediaFiles(keys);
}
