import { z } from "zod";
import { audienceChoiceFields, audienceSchema, checkAudienceChoice } from "./audience";
import { postRefSchema } from "./post";
import { text } from "./text";

export const VIDEO_TITLE_MAX = 100;
export const VIDEO_DESCRIPTION_MAX = 500;

const id = z.coerce.number({ message: "invalid" }).int().positive().max(2147483647);

const videoFields = {
  title: text(1, VIDEO_TITLE_MAX, { empty: "videoTitleRequired", tooLong: "videoTitleTooLong" }),
  description: text(0, VIDEO_DESCRIPTION_MAX, { empty: "invalid", tooLong: "videoDescriptionTooLong" }).default(""),
};

/** Publishing an uploaded video file. */
export const createVideoSchema = z
  .object({
    mediaId: id,
    ...videoFields,
    ...audienceChoiceFields,
    audience: audienceSchema.default("FRIENDS"),
    clientKey: z.uuid({ message: "invalid" }).optional(),
  })
  .strict()
  .superRefine(checkAudienceChoice);
export type CreateVideoInput = z.infer<typeof createVideoSchema>;

export const updateVideoSchema = postRefSchema.extend(videoFields).strict();
export type UpdateVideoInput = z.infer<typeof updateVideoSchema>;
