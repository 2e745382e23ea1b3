import { z } from "zod";
import { audienceChoiceFields, audienceSchema, checkAudienceChoice } from "./audience";
import { postRefSchema } from "./post";
import { text } from "./text";

export const TRACK_TITLE_MAX = 100;
export const TRACK_TAG_MAX = 100;
export const TRACK_DESCRIPTION_MAX = 500;

const id = z.coerce.number({ message: "invalid" }).int().positive().max(2147483647);

const trackFields = {
  title: text(1, TRACK_TITLE_MAX, { empty: "trackTitleRequired", tooLong: "trackTitleTooLong" }),
  artist: text(0, TRACK_TAG_MAX, { empty: "invalid", tooLong: "trackArtistTooLong" }).default(""),
  album: text(0, TRACK_TAG_MAX, { empty: "invalid", tooLong: "trackAlbumTooLong" }).default(""),
  description: text(0, TRACK_DESCRIPTION_MAX, { empty: "invalid", tooLong: "trackDescriptionTooLong" }).default(""),
};

/** Publishing an uploaded audio file as a track (the upload's tags prefilled the form). */
export const createTrackSchema = z
  .object({
    mediaId: id,
    ...trackFields,
    ...audienceChoiceFields,
    audience: audienceSchema.default("FRIENDS"),
    clientKey: z.uuid({ message: "invalid" }).optional(),
  })
  .strict()
  .superRefine(checkAudienceChoice);
export type CreateTrackInput = z.infer<typeof createTrackSchema>;

export const updateTrackSchema = postRefSchema.extend(trackFields).strict();
export type UpdateTrackInput = z.infer<typeof updateTrackSchema>;

/** The owner's uploaded image (purpose "track-cover") becomes the track's cover art. */
export const setTrackCoverSchema = postRefSchema.extend({ mediaId: id }).strict();
export type SetTrackCoverInput = z.infer<typeof setTrackCoverSchema>;

/** Back to no cover art: the card shows the neutral note. */
export const removeTrackCoverSchema = postRefSchema;
export type RemoveTrackCoverInput = z.infer<typeof removeTrackCoverSchema>;

/** Adds a track to the space's background music (at the end) or takes it out. */
export const setBackgroundMusicSchema = postRefSchema.extend({ on: z.boolean({ message: "invalid" }) }).strict();
export type SetBackgroundMusicInput = z.infer<typeof setBackgroundMusicSchema>;
