import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { notFound } from "@/server/errors";
import type { SetAudienceInput } from "@/lib/validation/post";

export async function setPostAudience(viewer: SignedInViewer, input: SetAudienceInput) {
  const { count } = await db.post.updateMany({ where: { id: input.postId, authorId: viewer.id }, data: { audience: input.audience } });
  if (count === 0) throw notFound();
}
