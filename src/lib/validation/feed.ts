import { z } from "zod";
import { FEED_KINDS } from "@/lib/feed-filter";
import { feedQuerySchema } from "./post";

/**
 * The home feed's query (page and API): the cursor, and the optional filters
 * by kind of item and by one of the viewer's friend groups.
 */
export const homeFeedQuerySchema = feedQuerySchema.extend({
  kind: z.enum(FEED_KINDS).optional(),
  group: z.coerce.number().int().positive().max(2147483647).optional(),
});
export type HomeFeedQuery = z.infer<typeof homeFeedQuerySchema>;
