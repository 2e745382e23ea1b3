import "server-only";
import { db } from "@/server/db";
import { forgetViewer, type SignedInViewer } from "@/server/auth/viewer";
import { deleteMedia } from "@/server/media/delete-media";

export type ProfileImageField = "avatarMediaId" | "coverMediaId";

/**
 * Unsets the viewer's avatar or cover, then deletes that media row and its
 * files. The column is cleared first (read and written in one transaction),
 * so the image stops being public before its row goes; initials or the plain
 * banner show again. Only the viewer's own row is ever touched.
 */
export async function clearProfileImage(viewer: SignedInViewer, field: ProfileImageField): Promise<void> {
  const previous = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: viewer.id }, select: { avatarMediaId: true, coverMediaId: true } });
    const old = user?.[field] ?? null;
    if (old) await tx.user.update({ where: { id: viewer.id }, data: { [field]: null } });
    return old;
  });
  if (previous) await deleteMedia([previous]);
  forgetViewer(viewer.id);
}
