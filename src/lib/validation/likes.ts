import { z } from "zod";

const id = z.coerce.number().int().positive().max(2147483647);

export const likePostSchema = z.object({ postId: id }).strict();
export type LikePostInput = z.infer<typeof likePostSchema>;

export const likeCommentSchema = z.object({ commentId: id }).strict();
export type LikeCommentInput = z.infer<typeof likeCommentSchema>;

/** The likers list's keyset cursor: "<created_at ms>.<user id>" of the last row shown. */
export const likersQuerySchema = z
  .object({
    postId: id,
    cursor: z
      .string()
      .regex(/^\d{1,15}\.\d{1,10}$/, { message: "invalid" })
      .optional(),
  })
  .strict();
export type LikersQuery = z.infer<typeof likersQuerySchema>;
