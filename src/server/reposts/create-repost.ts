import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { deliverToSelf } from "@/server/feed/inbox";
import { enqueueInTx, getBoss, QUEUES } from "@/server/jobs/boss";
import { resolveAudience } from "@/server/groups/resolve-audience";
import { notify } from "@/server/notifications/notify";
import { notifyPostMentions } from "@/server/notifications/notify-mentions";
import { mentionedHandles } from "@/lib/mentions";
import { withAttachments } from "@/server/presenters/attachments";
import { AUTHOR_SELECT, presentPost, type PostView } from "@/server/presenters/post";
import type { Audience, ItemState } from "@/server/privacy";
import type { CreateRepostInput } from "@/lib/validation/repost";
import { assertRepostable, originalGone, resolveRepostTarget } from "./repost-target";

type LockedOriginal = { id: number; author_id: number; audience: Audience; audience_group_ids: number[]; audience_user_ids: number[]; state: ItemState };

/**
 * The viewer reposts (转发) an item: a `posts` row of kind "repost" pointing at
 * the original, with the viewer's optional comment and its own audience (any:
 * the original is PUBLIC, so no audience can widen it). In one transaction:
 * the original is locked and re-checked (it cannot be narrowed or deleted
 * between the check and the insert), the repost row, the original's
 * repost_count + 1 (only when a row was really inserted, so the count stays
 * exact under concurrency), the reposter's own inbox entry, the fan-out job
 * and the original author's notification. A repeated clientKey (double-click,
 * retry) returns the repost made the first time.
 */
export async function createRepost(viewer: SignedInViewer, input: CreateRepostInput): Promise<PostView> {
  const key = input.clientKey ?? null;
  const again = key ? await byClientKey(viewer.id, key) : null;
  if (again) return present(again, viewer.id);

  const target = await resolveRepostTarget(viewer, input.postId);
  // Chosen groups and friends (CUSTOM) are checked before anything is written.
  const aud = await resolveAudience(viewer.id, input);
  const boss = await getBoss();
  const createdId = await db.$transaction(async (tx) => {
    // FOR NO KEY UPDATE: the lock the counter update below takes anyway, taken
    // first so concurrent reposts queue here instead of deadlocking.
    const [original] = await tx.$queryRaw<LockedOriginal[]>`
      SELECT id, author_id, audience, audience_group_ids, audience_user_ids, state
      FROM posts WHERE id = ${target.originalId} FOR NO KEY UPDATE`;
    if (!original) throw originalGone();
    // The access was computed just before; the row is re-read under the lock.
    assertRepostable(target.access, {
      authorId: original.author_id,
      audience: original.audience,
      audienceGroupIds: original.audience_group_ids,
      audienceUserIds: original.audience_user_ids,
      state: original.state,
    });
    const inserted = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO posts (author_id, kind, body, audience, audience_group_ids, audience_user_ids, repost_of_id, client_key)
      VALUES (${viewer.id}, 'repost', ${input.body}, ${aud.audience}::audience, ${aud.audienceGroupIds}::int[], ${aud.audienceUserIds}::int[],
              ${original.id}, ${key}::uuid)
      ON CONFLICT (author_id, client_key) DO NOTHING
      RETURNING id`;
    const created = inserted[0];
    if (!created) return null; // a concurrent request with the same key won
    await tx.$executeRaw`UPDATE posts SET repost_count = repost_count + 1 WHERE id = ${original.id}`;
    await deliverToSelf(tx, created.id, viewer.id);
    await enqueueInTx(boss, tx, QUEUES.feedFanOut, { postId: created.id });
    // Reposting, deleting and reposting again notifies once (while the first notification lives).
    await notify(tx, { type: "repost", recipientId: original.author_id, actorId: viewer.id, postId: created.id, dedupeKey: `repost:${original.id}:${viewer.id}` });
    return created.id;
  });
  // @mentions in the comment: those who may see the repost are told (after commit, like a status post).
  if (createdId != null) await notifyPostMentions(createdId, viewer.id, mentionedHandles(input.body));
  const row = createdId != null ? await db.post.findUniqueOrThrow({ where: { id: createdId }, include: { author: AUTHOR_SELECT } }) : await byClientKey(viewer.id, key!);
  return present(row!, viewer.id);
}

function byClientKey(authorId: number, clientKey: string) {
  return db.post.findUnique({ where: { authorId_clientKey: { authorId, clientKey } }, include: { author: AUTHOR_SELECT } });
}

async function present(row: Parameters<typeof presentPost>[0], viewerId: number): Promise<PostView> {
  const [post] = await withAttachments([presentPost(row, viewerId)], { id: viewerId });
  return post!;
}
