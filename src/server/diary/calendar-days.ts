import "server-only";
import { db } from "@/server/db";
import { visiblePostFilter, type Access } from "@/server/privacy";
import { monthRange } from "./month-range";

export type CalendarDay = { date: string; count: number };

/**
 * The days of one month on which the owner has entries the viewer may read,
 * with how many. Counted under the same privacy filter as the list, so a
 * hidden entry never lights up (or adds to) a day.
 */
export async function calendarDays(input: { ownerId: number; access: Access; month: string }): Promise<CalendarDay[]> {
  const groups = await db.diaryEntry.groupBy({
    by: ["entryDate"],
    where: { authorId: input.ownerId, entryDate: monthRange(input.month), post: { kind: "diary", ...visiblePostFilter(input.access) } },
    _count: { _all: true },
    orderBy: { entryDate: "asc" },
  });
  return groups.map((g) => ({ date: g.entryDate.toISOString().slice(0, 10), count: g._count._all }));
}
