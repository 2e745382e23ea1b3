import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { presentPost } from "@/server/presenters/post";
import type { CreatePostInput } from "@/lib/validation/post";

const AUTHOR = { select: { id: true, handle: true, displayName: true } } as const;

/**
 * Creates a status post by the viewer. The author is always the viewer. A
 * repeated clientKey (double-click, retry after a network error) returns the
 * post created the first time instead of a second one.
 */
export async function createPost(viewer: SignedInViewer, input: CreatePostInput) {
  const data = { authorId: viewer.id, body: input.body, audience: input.audience, clientKey: input.clientKey ?? null };
  if (input.clientKey) {
    // ON CONFLICT DO NOTHING keeps the first post; then read whichever row won.
    await db.post.createMany({ data: [data], skipDuplicates: true });
    const row = await db.post.findUniqueOrThrow({
      where: { authorId_clientKey: { authorId: viewer.id, clientKey: input.clientKey } },
      include: { author: AUTHOR },
    });
    return presentPost(row, viewer.id);
  }
  const row = await db.post.create({ data, include: { author: AUTHOR } });
  return presentPost(row, viewer.id);
}
