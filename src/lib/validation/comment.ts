import { z } from "zod";
import { COMMENT_MAX_CHARS } from "@/lib/comment-limits";
import { text } from "./text";

export { COMMENT_MAX_CHARS };

const id = z.coerce.number().int().positive().max(2147483647);

// .strict(): a forged form carrying extra fields (authorId, replyToId, ...) is refused.
export const addCommentSchema = z
  .object({
    postId: id,
    body: text(1, COMMENT_MAX_CHARS, { empty: "commentEmpty", tooLong: "commentTooLong" }),
    /** The comment being answered (top-level or a reply); the reply is filed under its thread. */
    parentId: id.optional(),
    /** Client-generated: a double-click or a retry adds one comment. */
    clientKey: z.uuid({ message: "invalid" }).optional(),
  })
  .strict();
export type AddCommentInput = z.infer<typeof addCommentSchema>;

export const commentRefSchema = z.object({ commentId: id }).strict();
export type CommentRefInput = z.infer<typeof commentRefSchema>;

/** GET /api/posts/:id/comments?before=&parent= : a page of threads, or of one thread's replies. */
export const listCommentsSchema = z
  .object({ postId: id, before: id.optional(), parentId: id.optional() })
  .strict();
export type ListCommentsInput = z.infer<typeof listCommentsSchema>;
