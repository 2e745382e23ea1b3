import { z } from "zod";

/** The "visit without leaving footprints" switch. */
export const footprintsSchema = z.object({ hide: z.boolean({ error: "invalid" }) }).strict();

/** "Show more" on the owner's visitor list: the cursor the previous page returned. */
export const moreVisitorsSchema = z
  .object({ before: z.string({ error: "invalid" }).max(64, { message: "invalid" }).regex(/^[0-9TZ:.-]+_\d+$/, { message: "invalid" }) })
  .strict();
