import { z } from "zod";
import { AUDIENCES } from "@/lib/audiences";
import { text } from "./text";

import { POST_MAX_CHARS } from "@/lib/limits";

export { POST_MAX_CHARS };

export const audienceSchema = z.enum(AUDIENCES, { message: "audienceInvalid" });

// .strict(): a forged form carrying extra fields (authorId, ...) is refused
// rather than silently half-trusted.
export const createPostSchema = z
  .object({
    body: text(1, POST_MAX_CHARS, { empty: "postEmpty", tooLong: "postTooLong" }),
    audience: audienceSchema.default("FRIENDS"),
    clientKey: z.uuid({ message: "invalid" }).optional(),
  })
  .strict();
export type CreatePostInput = z.infer<typeof createPostSchema>;

export const postRefSchema = z.object({ postId: z.coerce.number().int().positive().max(2147483647) }).strict();
export const setAudienceSchema = postRefSchema.extend({ audience: audienceSchema }).strict();
export type SetAudienceInput = z.infer<typeof setAudienceSchema>;

export const feedQuerySchema = z.object({
  before: z.coerce.number().int().positive().max(2147483647).optional(),
});

export const POST_KINDS = ["status", "blog", "diary", "photos", "music", "video"] as const;

/** A space tab's list: one kind of item. */
export const spacePostsQuerySchema = feedQuerySchema.extend({ kind: z.enum(POST_KINDS).optional() });
