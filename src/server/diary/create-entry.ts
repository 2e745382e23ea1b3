import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { AppError } from "@/server/errors";
import { deliverToSelf } from "@/server/feed/inbox";
import { enqueueInTx, getBoss, QUEUES } from "@/server/jobs/boss";
import { resolveAudience } from "@/server/groups/resolve-audience";
import { dateValue } from "@/lib/diary";
import type { CreateDiaryInput } from "@/lib/validation/diary";
import { assertNotFuture } from "./future";
import { ENTRY_INCLUDE, presentEntry, type DiaryRow } from "./present-entry";

/**
 * Writes a diary entry by the viewer: the post (kind "diary", only me unless
 * chosen otherwise) and its diary row, the author's own inbox entry and, when
 * anyone else may read it, the fan-out job, all in one transaction. A
 * repeated clientKey (double-click, retry) returns the entry written the
 * first time (same race-safe pattern as createPost).
 */
export async function createEntry(viewer: SignedInViewer, input: CreateDiaryInput) {
  assertNotFuture(viewer, input);
  const aud = await resolveAudience(viewer.id, input);
  const boss = await getBoss();
  const key = input.clientKey ?? null;
  const byKey = { authorId_clientKey: { authorId: viewer.id, clientKey: key! } };
  const row = await db.$transaction(async (tx) => {
    if (key) {
      const existing = await tx.post.findUnique({ where: byKey, include: ENTRY_INCLUDE });
      if (existing) return existing;
    }
    // ON CONFLICT DO NOTHING: a concurrent retry with the same key loses quietly.
    const inserted = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO posts (author_id, kind, title, body, audience, audience_group_ids, audience_user_ids, client_key)
      VALUES (${viewer.id}, 'diary', ${input.title}, ${input.body}, ${aud.audience}::audience, ${aud.audienceGroupIds}::int[], ${aud.audienceUserIds}::int[], ${key}::uuid)
      ON CONFLICT (author_id, client_key) DO NOTHING
      RETURNING id`;
    const created = inserted[0];
    if (!created) return null;
    await tx.diaryEntry.create({
      data: { postId: created.id, authorId: viewer.id, entryDate: dateValue(input.entryDate), mood: input.mood, weather: input.weather },
    });
    await deliverToSelf(tx, created.id, viewer.id);
    // An only-me entry reaches no inbox but the author's (fanOutPost would skip it);
    // widening it later enqueues the fan-out (setPostAudience).
    if (aud.audience !== "ONLY_ME") await enqueueInTx(boss, tx, QUEUES.feedFanOut, { postId: created.id });
    return tx.post.findUniqueOrThrow({ where: { id: created.id }, include: ENTRY_INCLUDE });
  });
  // Lost the race to a concurrent request with the same key: that one's entry is the answer.
  const post = row ?? (await db.post.findUniqueOrThrow({ where: byKey, include: ENTRY_INCLUDE }));
  return present(post, viewer.id);
}

type EntryRow = Parameters<typeof presentEntry>[0] & { diary: DiaryRow | null };

function present(post: EntryRow, viewerId: number) {
  // The key was already used by one of the author's other items (a client bug, not a retry).
  if (!post.diary) throw new AppError("conflict", "conflict");
  return presentEntry(post, post.diary, viewerId);
}
