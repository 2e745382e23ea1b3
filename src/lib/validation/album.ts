import { z } from "zod";
import { audienceChoiceFields, audienceSchema, checkAudienceChoice } from "./audience";
import { text } from "./text";

// Albums and their photos. Shared by the forms (limits) and the actions.
export const ALBUM_TITLE_MAX = 60;
export const ALBUM_DESCRIPTION_MAX = 500;
export const CAPTION_MAX = 500;
export const ALT_MAX = 300;

const id = z.coerce.number().int().positive().max(2147483647);

const title = text(1, ALBUM_TITLE_MAX, { empty: "albumTitleEmpty", tooLong: "albumTitleTooLong" });
const description = text(0, ALBUM_DESCRIPTION_MAX, { empty: "albumDescriptionTooLong", tooLong: "albumDescriptionTooLong" });

export const createAlbumSchema = z
  .object({
    title,
    description: description.default(""),
    ...audienceChoiceFields,
    audience: audienceSchema.default("FRIENDS"),
    clientKey: z.uuid({ message: "invalid" }).optional(),
  })
  .strict()
  .superRefine(checkAudienceChoice);
export type CreateAlbumInput = z.infer<typeof createAlbumSchema>;

/** Any subset of the album's fields; audience changes carry over to its batch posts. */
export const updateAlbumSchema = z
  .object({ albumId: id, title: title.optional(), description: description.optional(), ...audienceChoiceFields, audience: audienceSchema.optional() })
  .strict()
  .superRefine(checkAudienceChoice);
export type UpdateAlbumInput = z.infer<typeof updateAlbumSchema>;

export const albumRefSchema = z.object({ albumId: id }).strict();
export type AlbumRef = z.infer<typeof albumRefSchema>;

/** null goes back to the default cover (the first photo). */
export const setAlbumCoverSchema = z.object({ albumId: id, photoId: id.nullable() }).strict();
export type SetAlbumCoverInput = z.infer<typeof setAlbumCoverSchema>;

export const photoRefSchema = z.object({ photoId: id }).strict();
export type PhotoRef = z.infer<typeof photoRefSchema>;

export const updatePhotoSchema = z
  .object({
    photoId: id,
    caption: text(0, CAPTION_MAX, { empty: "captionTooLong", tooLong: "captionTooLong" }).optional(),
    alt: text(0, ALT_MAX, { empty: "altTooLong", tooLong: "altTooLong" }).optional(),
  })
  .strict();
export type UpdatePhotoInput = z.infer<typeof updatePhotoSchema>;

export const reorderPhotoSchema = z.object({ photoId: id, direction: z.enum(["earlier", "later"], { message: "invalid" }) }).strict();
export type ReorderPhotoInput = z.infer<typeof reorderPhotoSchema>;

export const movePhotoSchema = z.object({ photoId: id, albumId: id }).strict();
export type MovePhotoInput = z.infer<typeof movePhotoSchema>;
