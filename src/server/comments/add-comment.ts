import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { AppError, notFound } from "@/server/errors";
import type { AddCommentInput } from "@/lib/validation/comment";
import { commentById } from "./comment-sql";
import { presentComment, type CommentView } from "./comment-view";
import { visiblePost } from "./load-post";
import { notify } from "@/server/notifications/notify";
import { notifyMentions } from "@/server/notifications/notify-mentions";
import { itemMentionees } from "@/server/mentions/mention-recipients";
import { mentionedHandles } from "@/lib/mentions";
import { withMentionLinks } from "@/server/mentions/mention-links";
import { postGuard, assertNotBlockedWith } from "@/server/privacy";

export type AddedComment = { comment: CommentView; commentCount: number };

/**
 * Comments on an item the viewer may see, or replies to a comment on it.
 * Replies are one level deep (QZone): a reply to a reply is filed under the
 * same top-level comment, and remembers which comment it answers. The row and
 * the item's comment_count change in one transaction, the count only when a
 * row was really inserted, so it stays exact. A repeated clientKey returns
 * the comment made the first time.
 */
export async function addComment(viewer: SignedInViewer, input: AddCommentInput): Promise<AddedComment> {
  const post = await visiblePost(viewer, input.postId);
  let threadId: number | null = null;
  let answeredAuthorId: number | null = null;
  if (input.parentId !== undefined) {
    const answered = await db.comment.findUnique({
      where: { id: input.parentId },
      select: { postId: true, parentId: true, authorId: true, parent: { select: { authorId: true } } },
    });
    // A comment on another item is as missing as one that does not exist.
    if (!answered || answered.postId !== post.id) throw notFound();
    // ... and so is one written by someone on the other side of a block, or
    // in a thread they started (privacy/comment-sql.ts hides both).
    await assertNotBlockedWith(viewer, answered.authorId);
    if (answered.parent) await assertNotBlockedWith(viewer, answered.parent.authorId);
    threadId = answered.parentId ?? input.parentId;
    answeredAuthorId = answered.authorId;
  }
  // Who is mentioned and may see the item: decided before the transaction (privacy reads), written inside it.
  const mentioned = await itemMentionees(postGuard(post), mentionedHandles(input.body), viewer.id);
  const replyToId = input.parentId ?? null;
  const key = input.clientKey ?? null;

  let id: number | undefined;
  try {
    id = await db.$transaction(async (tx) => {
      // ON CONFLICT DO NOTHING: a concurrent retry with the same key loses quietly and adds nothing.
      const [row] = await tx.$queryRaw<{ id: number }[]>`
        INSERT INTO comments (post_id, author_id, parent_id, reply_to_id, body, client_key)
        VALUES (${post.id}, ${viewer.id}, ${threadId}, ${replyToId}, ${input.body}, ${key}::uuid)
        ON CONFLICT (author_id, client_key) DO NOTHING
        RETURNING id`;
      if (row) {
        await tx.$executeRaw`UPDATE posts SET comment_count = comment_count + 1 WHERE id = ${post.id}`;
        // The one replied to hears "replied", the item's owner "commented" (one notification each; none to oneself).
        const told: number[] = [];
        if (answeredAuthorId !== null) {
          await notify(tx, { type: "reply", recipientId: answeredAuthorId, actorId: viewer.id, postId: post.id, commentId: row.id });
          told.push(answeredAuthorId);
        }
        if (!told.includes(post.authorId)) {
          await notify(tx, { type: "comment", recipientId: post.authorId, actorId: viewer.id, postId: post.id, commentId: row.id });
          told.push(post.authorId);
        }
        await notifyMentions(tx, mentioned, { actorId: viewer.id, postId: post.id, commentId: row.id }, told);
      }
      return row?.id;
    });
  } catch (err) {
    // The item or the thread was deleted since we looked: as if it never existed.
    if (isForeignKeyViolation(err)) throw notFound();
    throw err;
  }
  if (id === undefined) {
    const first = await db.comment.findUnique({ where: { authorId_clientKey: { authorId: viewer.id, clientKey: key! } }, select: { id: true, postId: true } });
    if (!first) throw notFound(); // the first one was deleted meanwhile
    if (first.postId !== post.id) throw new AppError("conflict", "invalid");
    id = first.id;
  }
  const row = await commentById(id, viewer.id);
  if (!row) throw notFound();
  const [comment] = await withMentionLinks([presentComment(row, { viewerId: viewer.id, ownerOf: () => post.authorId })]);
  return { comment: comment!, commentCount: row.post_comment_count };
}

function isForeignKeyViolation(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    if (err.code === "P2003") return true;
    const cause = (err.meta as { driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } } | undefined)?.driverAdapterError?.cause;
    return cause?.originalCode === "23503" || cause?.kind === "ForeignKeyConstraintViolation";
  }
  return false;
}
