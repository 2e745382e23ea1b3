import { z } from "zod";

// Removing the avatar or the cover names nothing: the viewer acts on their own
// profile only, so there is no id a forged request could swap.
export const removeProfileImageSchema = z.object({}).strict();
export type RemoveProfileImageInput = z.infer<typeof removeProfileImageSchema>;
