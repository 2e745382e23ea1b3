import { z } from "zod";

const id = z.coerce.number().int().positive().max(2147483647);

/** A page of notifications: older than `before` (a row's id), newest first. */
export const notificationsQuerySchema = z.object({ before: id.optional() }).strict();
export type NotificationsQuery = z.infer<typeof notificationsQuerySchema>;

/** Opening one row marks its whole group read. */
export const markReadSchema = z.object({ id }).strict();
export type MarkReadInput = z.infer<typeof markReadSchema>;

/** "Mark all as read" marks everything up to the newest row the page showed (later arrivals stay unread). */
export const markAllReadSchema = z.object({ upTo: id.optional() }).strict();
export type MarkAllReadInput = z.infer<typeof markAllReadSchema>;

/** Autocomplete for "@": the prefix typed so far (may be empty: the first friends). */
export const mentionSuggestSchema = z
  .object({ q: z.string().max(20).transform((s) => s.trim().replace(/^@/, "").toLowerCase()).default("") })
  .strict();
export type MentionSuggestInput = z.infer<typeof mentionSuggestSchema>;
