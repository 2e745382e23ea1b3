import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { deliverToSelf } from "@/server/feed/inbox";
import { enqueueInTx, getBoss, QUEUES } from "@/server/jobs/boss";
import { resolveAudience } from "@/server/groups/resolve-audience";
import { AUTHOR_SELECT, presentPost } from "@/server/presenters/post";
import { withChosenAudience } from "@/server/presenters/chosen-audience";
import type { CreatePostInput } from "@/lib/validation/post";
import { mentionedHandles } from "@/lib/mentions";
import { withMentionLinks } from "@/server/mentions/mention-links";
import { notifyPostMentions } from "@/server/notifications/notify-mentions";


/**
 * Creates a status post by the viewer. The author is always the viewer. In
 * one transaction: the post, the author's own inbox entry (they see it at
 * once) and the fan-out job (delivery to followers happens after commit, off
 * the request path). A repeated clientKey (double-click, retry after a network
 * error) returns the post created the first time instead of a second one.
 */
export async function createPost(viewer: SignedInViewer, input: CreatePostInput) {
  // Chosen groups and friends are checked before anything is written.
  const aud = await resolveAudience(viewer.id, input);
  const boss = await getBoss();
  const key = input.clientKey ?? null;
  const row = await db.$transaction(async (tx) => {
    if (key) {
      const existing = await tx.post.findUnique({ where: { authorId_clientKey: { authorId: viewer.id, clientKey: key } }, include: { author: AUTHOR_SELECT } });
      if (existing) return existing;
    }
    // ON CONFLICT DO NOTHING: a concurrent retry with the same key loses quietly.
    const inserted = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO posts (author_id, body, audience, audience_group_ids, audience_user_ids, client_key)
      VALUES (${viewer.id}, ${input.body}, ${aud.audience}::audience, ${aud.audienceGroupIds}::int[], ${aud.audienceUserIds}::int[], ${key}::uuid)
      ON CONFLICT (author_id, client_key) DO NOTHING
      RETURNING id`;
    const created = inserted[0];
    if (created) {
      await deliverToSelf(tx, created.id, viewer.id);
      await enqueueInTx(boss, tx, QUEUES.feedFanOut, { postId: created.id });
      return tx.post.findUniqueOrThrow({ where: { id: created.id }, include: { author: AUTHOR_SELECT } });
    }
    return null;
  });
  // Lost the race to a concurrent request with the same key: that one's post is the answer.
  const post =
    row ?? (await db.post.findUniqueOrThrow({ where: { authorId_clientKey: { authorId: viewer.id, clientKey: key! } }, include: { author: AUTHOR_SELECT } }));
  // People mentioned who may see the post are told, after commit (a retry notifies nobody twice).
  await notifyPostMentions(post.id, viewer.id, mentionedHandles(input.body));
  const [view] = await withChosenAudience(await withMentionLinks([presentPost(post, viewer.id)]), viewer.id);
  return view!;
}
