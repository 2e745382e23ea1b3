import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { notFound } from "@/server/errors";

/** Only the author may delete; anyone else's id answers exactly like a missing post. */
export async function deletePost(viewer: SignedInViewer, input: { postId: number }) {
  const { count } = await db.post.deleteMany({ where: { id: input.postId, authorId: viewer.id } });
  if (count === 0) throw notFound();
}
