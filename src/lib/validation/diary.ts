import { z } from "zod";
import { isTimeZone } from "@/i18n/config";
import { DIARY_BODY_MAX, DIARY_MIN_DATE, DIARY_TITLE_MAX, isIsoDate, isIsoMonth, MOODS, WEATHERS } from "@/lib/diary";
import { charLength } from "@/lib/limits";
import { audienceChoiceFields, audienceSchema, checkAudienceChoice } from "./audience";
import { postRefSchema } from "./post";
import { stripControl, text } from "./text";

const entryDate = z
  .string({ error: "diaryDateInvalid" })
  .refine((s) => isIsoDate(s) && s >= DIARY_MIN_DATE, { message: "diaryDateInvalid" });

// The forms send "" for "no title / no mood"; stored as null.
const emptyToNull = (v: unknown) => (v === "" || v === undefined ? null : v);

const title = z.preprocess(
  emptyToNull,
  z
    .string({ error: "diaryTitleTooLong" })
    .transform((s) => stripControl(s).trim() || null)
    .refine((s) => s === null || charLength(s) <= DIARY_TITLE_MAX, { message: "diaryTitleTooLong" })
    .nullable(),
);

const mood = z.preprocess(emptyToNull, z.enum(MOODS, { message: "diaryMoodInvalid" }).nullable());
const weather = z.preprocess(emptyToNull, z.enum(WEATHERS, { message: "diaryWeatherInvalid" }).nullable());

/** What the entry says; shared by writing and editing. */
const entryFields = {
  entryDate,
  title,
  body: text(1, DIARY_BODY_MAX, { empty: "diaryBodyEmpty", tooLong: "diaryBodyTooLong" }),
  mood,
  weather,
  /** The writer's zone, which decides what "today" (and so "the future") is. */
  timeZone: z.string().refine(isTimeZone, { message: "invalid" }).optional(),
};

// .strict(): a forged form carrying extra fields (authorId, ...) is refused.
export const createDiarySchema = z
  .object({
    ...entryFields,
    // Private unless the writer chooses otherwise.
    ...audienceChoiceFields,
    audience: audienceSchema.default("ONLY_ME"),
    clientKey: z.uuid({ message: "invalid" }).optional(),
  })
  .strict()
  .superRefine(checkAudienceChoice);
export type CreateDiaryInput = z.infer<typeof createDiarySchema>;

export const updateDiarySchema = postRefSchema.extend(entryFields).strict();
export type UpdateDiaryInput = z.infer<typeof updateDiarySchema>;

/** `?month=YYYY-MM` on the diary tab. */
export const diaryMonthSchema = z.string().refine(isIsoMonth);
