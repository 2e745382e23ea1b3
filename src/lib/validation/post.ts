import { z } from "zod";
import { text } from "./text";

import { POST_MAX_CHARS } from "@/lib/limits";

export { POST_MAX_CHARS };

// The audience fields live with the other audience rules; re-exported for existing importers.
import { audienceChoiceFields, audienceSchema, checkAudienceChoice } from "./audience";
export { audienceSchema };

// .strict(): a forged form carrying extra fields (authorId, ...) is refused
// rather than silently half-trusted.
export const createPostSchema = z
  .object({
    body: text(1, POST_MAX_CHARS, { empty: "postEmpty", tooLong: "postTooLong" }),
    ...audienceChoiceFields,
    audience: audienceSchema.default("FRIENDS"),
    clientKey: z.uuid({ message: "invalid" }).optional(),
  })
  .strict()
  .superRefine(checkAudienceChoice);
export type CreatePostInput = z.infer<typeof createPostSchema>;

export const postRefSchema = z.object({ postId: z.coerce.number().int().positive().max(2147483647) }).strict();
export const setAudienceSchema = postRefSchema.extend(audienceChoiceFields).strict().superRefine(checkAudienceChoice);
export type SetAudienceInput = z.infer<typeof setAudienceSchema>;

export const feedQuerySchema = z.object({
  before: z.coerce.number().int().positive().max(2147483647).optional(),
});

export const POST_KINDS = ["status", "blog", "diary", "photos", "music", "video"] as const;

/** A space tab's list: one kind of item. */
export const spacePostsQuerySchema = feedQuerySchema.extend({
  kind: z.enum(POST_KINDS).optional(),
  // An album page's uploads (photo batches), each with its comments and likes.
  album: z.coerce.number().int().positive().max(2147483647).optional(),
});
