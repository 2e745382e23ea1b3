import "server-only";
import { db } from "@/server/db";
import { POST_GUARD_SELECT, postGuard } from "@/server/privacy";
import { mentionedHandles } from "@/lib/mentions";
import { guestbookMentionees, itemMentionees } from "@/server/mentions/mention-recipients";
import { notify } from "./notify";

type Client = Parameters<typeof notify>[0];
type Target = { actorId: number; postId?: number; commentId?: number; guestbookEntryId?: number };

/** Once per person and thing mentioned in: editing a blog that still mentions them does not notify again. */
function mentionKey(t: Target): string {
  if (t.commentId !== undefined) return `mention:comment:${t.commentId}`;
  if (t.guestbookEntryId !== undefined) return `mention:guestbook:${t.guestbookEntryId}`;
  return `mention:post:${t.postId}`;
}

/**
 * Notifies people already found allowed to see the thing (src/server/mentions/
 * mention-recipients.ts), except those this same event notifies anyway (the
 * owner of an item mentioned in a comment on it gets "commented", not both).
 */
export async function notifyMentions(tx: Client, recipientIds: readonly number[], target: Target, except: readonly number[] = []): Promise<void> {
  const dedupeKey = mentionKey(target);
  for (const recipientId of recipientIds) {
    if (except.includes(recipientId)) continue;
    await notify(tx, { type: "mention", recipientId, ...target, dedupeKey });
  }
}

/**
 * Mentions in a status post or a blog, after it committed: the post is read
 * back with its guard (whatever audience columns it was written with), and
 * only people who may see it are told.
 */
export async function notifyPostMentions(postId: number, authorId: number, handles: readonly string[]): Promise<void> {
  if (!handles.length) return;
  const post = await db.post.findUnique({ where: { id: postId }, select: POST_GUARD_SELECT });
  if (!post || post.authorId !== authorId) return;
  const ids = await itemMentionees(postGuard(post), handles, authorId);
  await notifyMentions(db, ids, { actorId: authorId, postId });
}

/**
 * Mentions in a guestbook message that has just become visible to more
 * people (approved by the owner): those who may now see it are told, once
 * (the dedupe key is per message), with the writer as the actor.
 */
export async function notifyGuestbookMentions(entry: { id: number; ownerId: number; authorId: number; private: boolean; approved: boolean; body: string }): Promise<void> {
  const handles = mentionedHandles(entry.body);
  if (!handles.length) return;
  const ids = await guestbookMentionees(entry, handles, entry.authorId);
  await notifyMentions(db, ids, { actorId: entry.authorId, guestbookEntryId: entry.id }, [entry.ownerId]);
}
