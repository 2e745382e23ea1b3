import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { AppError, notFound } from "@/server/errors";
import { enqueueInTx, getBoss, QUEUES } from "@/server/jobs/boss";
import { resolveAudience } from "@/server/groups/resolve-audience";
import type { SetAudienceInput } from "@/lib/validation/post";

/**
 * The author changes who may see a post. Narrowing takes effect at once (the
 * feed checks privacy at read time); widening re-runs the fan-out so the post
 * reaches inboxes it was never delivered to (e.g. from "only me"). Chosen
 * groups and friends (CUSTOM) must be the author's own (resolveAudience).
 * A photo batch's audience is its album's (its photos are the album's), so
 * it is refused here and changed on the album (src/server/albums/update-album.ts).
 */
export async function setPostAudience(viewer: SignedInViewer, input: SetAudienceInput) {
  const aud = await resolveAudience(viewer.id, input);
  const boss = await getBoss();
  await db.$transaction(async (tx) => {
    const post = await tx.post.findFirst({ where: { id: input.postId, authorId: viewer.id }, select: { kind: true } });
    if (!post) throw notFound();
    if (post.kind === "photos") throw new AppError("invalid", "photosAudienceOnAlbum", "audience");
    const { count } = await tx.post.updateMany({ where: { id: input.postId, authorId: viewer.id }, data: aud });
    if (count === 0) throw notFound(); // deleted meanwhile
    if (aud.audience !== "ONLY_ME") await enqueueInTx(boss, tx, QUEUES.feedFanOut, { postId: input.postId });
  });
}
