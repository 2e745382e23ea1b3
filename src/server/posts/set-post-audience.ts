import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { notFound } from "@/server/errors";
import { enqueueInTx, getBoss, QUEUES } from "@/server/jobs/boss";
import type { SetAudienceInput } from "@/lib/validation/post";

/**
 * The author changes who may see a post. Narrowing takes effect at once (the
 * feed checks privacy at read time); widening re-runs the fan-out so the post
 * reaches inboxes it was never delivered to (e.g. from "only me").
 */
export async function setPostAudience(viewer: SignedInViewer, input: SetAudienceInput) {
  const boss = await getBoss();
  await db.$transaction(async (tx) => {
    const { count } = await tx.post.updateMany({ where: { id: input.postId, authorId: viewer.id }, data: { audience: input.audience } });
    if (count === 0) throw notFound();
    if (input.audience !== "ONLY_ME") await enqueueInTx(boss, tx, QUEUES.feedFanOut, { postId: input.postId });
  });
}
