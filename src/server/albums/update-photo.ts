import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { notFound } from "@/server/errors";
import type { UpdatePhotoInput } from "@/lib/validation/album";

/** The owner edits a photo's caption and alt text. Anyone else's photo answers like a missing one. */
export async function updatePhoto(viewer: SignedInViewer, input: UpdatePhotoInput) {
  const { count } = await db.photo.updateMany({
    where: { id: input.photoId, ownerId: viewer.id },
    data: {
      ...(input.caption !== undefined ? { caption: input.caption } : {}),
      ...(input.alt !== undefined ? { alt: input.alt } : {}),
    },
  });
  if (count === 0) throw notFound();
  const photo = await db.photo.findUniqueOrThrow({ where: { id: input.photoId }, select: { id: true, caption: true, alt: true } });
  return photo;
}
