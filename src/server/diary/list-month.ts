import "server-only";
import { db } from "@/server/db";
import { visiblePostFilter, type Access, type Viewer } from "@/server/privacy";
import { withAttachments } from "@/server/presenters/attachments";
import { AUTHOR_SELECT } from "@/server/presenters/post";
import type { EntryView } from "./get-entry";
import { monthRange } from "./month-range";
import { presentEntry } from "./present-entry";

/** Entries shown for one month at most; a diary this busy is told it was cut. */
export const MONTH_LIMIT = 200;

/**
 * One owner's diary entries of one month that the viewer may read, newest
 * date first (and, within a day, the last written first). The privacy
 * module's filter applies to the post each entry belongs to.
 */
export async function listMonth(
  viewer: Viewer,
  input: { ownerId: number; access: Access; month: string },
): Promise<{ items: EntryView[]; truncated: boolean }> {
  const rows = await db.diaryEntry.findMany({
    where: { authorId: input.ownerId, entryDate: monthRange(input.month), post: { kind: "diary", ...visiblePostFilter(input.access) } },
    include: { post: { include: { author: AUTHOR_SELECT } } },
    orderBy: [{ entryDate: "desc" }, { postId: "desc" }],
    take: MONTH_LIMIT + 1,
  });
  // Likes and comment previews for the whole month, in the same few queries as any page.
  const items = (await withAttachments(rows.slice(0, MONTH_LIMIT).map((r) => presentEntry(r.post, r, viewer?.id)), viewer)) as EntryView[];
  return { items, truncated: rows.length > MONTH_LIMIT };
}
