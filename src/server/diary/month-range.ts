import { dateValue, shiftMonth } from "@/lib/diary";

/** A Prisma filter on a DATE column for the days of one month "YYYY-MM". */
export function monthRange(month: string) {
  return { gte: dateValue(`${month}-01`), lt: dateValue(`${shiftMonth(month, 1)}-01`) };
}
