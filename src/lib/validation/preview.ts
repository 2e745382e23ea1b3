import { z } from "zod";

/** "View my space as ...": a stranger, a friend, or a member of one of my groups. */
export const previewSchema = z.discriminatedUnion("as", [
  z.object({ as: z.literal("stranger") }).strict(),
  z.object({ as: z.literal("friend") }).strict(),
  z.object({ as: z.literal("group"), groupId: z.coerce.number().int().positive() }).strict(),
], { message: "invalid" });
export type PreviewInput = z.infer<typeof previewSchema>;
