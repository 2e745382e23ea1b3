import { z } from "zod";
import { charLength } from "@/lib/limits";
import { audienceChoiceFields, audienceSchema, checkAudienceChoice } from "./audience";
import { postRefSchema } from "./post";
import { stripControl, text } from "./text";

export const BLOG_TITLE_MAX = 100;
export const BLOG_SOURCE_MAX = 50_000;

const id = z.coerce.number().int().positive().max(2147483647);

/** Markdown as written: never trimmed inside (indentation is syntax), only the outer blank lines. */
function source(min: number) {
  return z
    .string({ error: "blogBodyEmpty" })
    .transform((s) => stripControl(s).replace(/^\s*\n/, "").trimEnd())
    .refine((s) => charLength(s.trim()) >= min, { message: "blogBodyEmpty" })
    .refine((s) => charLength(s) <= BLOG_SOURCE_MAX, { message: "blogBodyTooLong" });
}

const title = text(1, BLOG_TITLE_MAX, { empty: "blogTitleEmpty", tooLong: "blogTitleTooLong" });
// A draft may be saved before it has a title or a body.
const draftTitle = text(0, BLOG_TITLE_MAX, { empty: "blogTitleEmpty", tooLong: "blogTitleTooLong" });

export const saveDraftSchema = z
  .object({
    draftId: id.optional(),
    title: draftTitle,
    source: source(0),
    audience: audienceSchema.default("FRIENDS"),
    // Kept as picked; published through resolveAudience, which checks each id.
    audienceGroupIds: z.array(id).max(200).default([]),
    audienceUserIds: z.array(id).max(500).default([]),
  })
  .strict();
export type SaveDraftInput = z.infer<typeof saveDraftSchema>;

export const draftRefSchema = z.object({ draftId: id }).strict();
export type DraftRef = z.infer<typeof draftRefSchema>;

export const publishBlogSchema = z
  .object({
    draftId: id.optional(),
    title,
    source: source(1),
    ...audienceChoiceFields,
    audience: audienceSchema.default("FRIENDS"),
    clientKey: z.uuid({ message: "invalid" }).optional(),
  })
  .strict()
  .superRefine(checkAudienceChoice);
export type PublishBlogInput = z.infer<typeof publishBlogSchema>;

export const updateBlogSchema = postRefSchema
  .extend({
    title,
    source: source(1),
    ...audienceChoiceFields,
  })
  .strict()
  .superRefine(checkAudienceChoice);
export type UpdateBlogInput = z.infer<typeof updateBlogSchema>;

export const previewBlogSchema = z.object({ source: source(0) }).strict();
export type PreviewBlogInput = z.infer<typeof previewBlogSchema>;
