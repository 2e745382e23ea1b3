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
 * card goes, its photos stay in their album (unless an admin removes it).
 *
 * `moderation`: an admin removing a reported item (src/server/reports)
 * passes the grant from requireAdmin and may delete anyone's item. Actions
 * never pass it (they call use-cases with the viewer and the input only).
 */
export async function deletePost(viewer: SignedInViewer, input: { postId: number }, moderation?: AdminGrant) {
  const moderated = isAdminGrant(moderation, viewer.id);
  const byAuthor = moderated ? {} : { authorId: viewer.id };
  const keys = await db.$transaction(async (tx) => {
    const media = await tx.media.findMany({ where: { postId: input.postId, post: { is: { id: input.postId, ...byAuthor } } }, select: { key: true } });
    // A reported photo batch is removed with its photos: the card alone would
    // leave the reported pictures in the album and at their URLs.
    if (moderated) {
      const photos = await tx.photo.findMany({ where: { postId: input.postId }, select: { id: true, albumId: true, media: { select: { id: true, key: true } } } });
      for (const p of photos) await tx.album.updateMany({ where: { id: p.albumId, coverPhotoId: p.id }, data: { coverPhotoId: null } });
      await tx.media.deleteMany({ where: { id: { in: photos.map((p) => p.media.id) } } });
      media.push(...photos.map((p) => ({ key: p.media.key })));
    }
    const repost = await tx.post.findFirst({ where: { id: input.postId, ...byAuthor }, select: { repostOfId: true } });
    const { count } = await tx.post.deleteMany({ where: { id: input.postId, ...byAuthor } });
    if (count === 0) throw notFound();
    // A repost: its original's repost_count goes down in the same transaction.
    if (repost?.repostOfId != null) await uncountRepost(tx, repost.repostOfId);
    return media.map((m) => m.key);
  });
  await deleteMediaFiles(keys);
}
