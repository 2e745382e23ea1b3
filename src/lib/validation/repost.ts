import { z } from "zod";
import { POST_MAX_CHARS } from "@/lib/limits";
import { audienceChoiceFields, audienceSchema, checkAudienceChoice } from "./audience";
import { text } from "./text";

const id = z.coerce.number().int().positive().max(2147483647);

// .strict(): a forged form carrying extra fields (authorId, repostOfId...) is refused.
export const createRepostSchema = z
  .object({
    /** The item the viewer clicked "Repost" on (a repost of it reposts its original). */
    postId: id,
    /** The reposter's comment: optional. */
    body: text(0, POST_MAX_CHARS, { empty: "invalid", tooLong: "postTooLong" }).default(""),
    // Any audience, CUSTOM included: the original is PUBLIC, so a repost can never widen it.
    ...audienceChoiceFields,
    audience: audienceSchema.default("FRIENDS"),
    clientKey: z.uuid({ message: "invalid" }).optional(),
  })
  .strict()
  .superRefine(checkAudienceChoice);
export type CreateRepostInput = z.infer<typeof createRepostSchema>;
