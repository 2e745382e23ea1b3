import { z } from "zod";
import { AUDIENCES, type Audience } from "@/lib/audiences";

// Who may see an item, as every write that sets an audience receives it:
// the audience, and with CUSTOM the chosen friend groups and/or friends.
// The ids are only checked for shape here; that each group is the owner's and
// each user the owner's friend is checked by resolveAudience
// (src/server/groups/resolve-audience.ts), which every such write calls.

export const audienceSchema = z.enum(AUDIENCES, { message: "audienceInvalid" });

/** Limits of one choice: more groups than anyone keeps, and the friends page's 1,000 friends. */
export const CHOSEN_GROUPS_MAX = 100;
export const CHOSEN_USERS_MAX = 1000;

const id = z.coerce.number({ message: "audienceInvalid" }).int().positive().max(2147483647);
// Duplicates are harmless but pointless: stored once, in a stable order.
const ids = (max: number) =>
  z
    .array(id, { message: "audienceInvalid" })
    .max(max, { message: "audienceInvalid" })
    .transform((list) => [...new Set(list)].sort((a, b) => a - b))
    .optional();

/**
 * The fields of an audience choice, to spread into a write's z.object()
 * (override `audience` for a default: `audience: audienceSchema.default("FRIENDS")`).
 * Apply `checkAudienceChoice` to the finished object (with .superRefine), so
 * the lists are judged against the audience they came with.
 */
export const audienceChoiceFields = {
  audience: audienceSchema,
  audienceGroupIds: ids(CHOSEN_GROUPS_MAX),
  audienceUserIds: ids(CHOSEN_USERS_MAX),
};

type ChoiceLike = { audience?: Audience; audienceGroupIds?: number[]; audienceUserIds?: number[] };

/**
 * CUSTOM needs at least one group or friend ("audienceChooseSomeone", on the
 * audience field, where the picker shows it); any other audience (or none,
 * on a partial update) must not carry lists: a forged form is refused, not
 * half-applied.
 */
export function checkAudienceChoice(value: ChoiceLike, ctx: z.RefinementCtx) {
  const groups = value.audienceGroupIds?.length ?? 0;
  const users = value.audienceUserIds?.length ?? 0;
  if (value.audience === "CUSTOM") {
    if (groups + users === 0) ctx.addIssue({ code: "custom", path: ["audience"], message: "audienceChooseSomeone" });
    return;
  }
  if (groups) ctx.addIssue({ code: "custom", path: ["audienceGroupIds"], message: "audienceInvalid" });
  if (users) ctx.addIssue({ code: "custom", path: ["audienceUserIds"], message: "audienceInvalid" });
}

/** An audience choice on its own (e.g. changing an item's audience). */
export const audienceChoice = z.object(audienceChoiceFields).strict().superRefine(checkAudienceChoice);
export type AudienceChoice = z.infer<typeof audienceChoice>;
