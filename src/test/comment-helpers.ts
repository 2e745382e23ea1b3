// Shared by the comment tests: a comment through the real use-case, and the
// two ways of counting an item's comments (its counter, its rows).
import { expect } from "vitest";
import { addCommentSchema } from "@/lib/validation/comment";
import { addComment } from "@/server/comments/add-comment";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { appErrorOf } from "./errors";

export const parse = (raw: unknown) => addCommentSchema.parse(raw);

/** `who` comments on (or, with parentId, replies on) item `postId`. */
export const say = (who: SignedInViewer, postId: number, body: string, extra: { parentId?: string | number; clientKey?: string } = {}) =>
  addComment(who, parse({ postId, body, ...extra }));

/** The item's comment counter (posts.comment_count). */
export const countOf = async (postId: number) => (await db.post.findUniqueOrThrow({ where: { id: postId }, select: { commentCount: true } })).commentCount;

/** The item's comment rows. */
export const rowsOf = (postId: number) => db.comment.count({ where: { postId } });

/** Refused like a missing item or comment: not_found with its message. */
export async function expectNotFound(p: Promise<unknown>) {
  const err = await appErrorOf(p);
  expect(err.code).toBe("not_found");
  expect(err.messageKey).toBe("notFound");
}
