import { dateValue, todayIn } from "@/lib/diary";

// A visit belongs to a calendar day in QZone's time zone, whatever the
// visitor's or the server's zone: "once per visitor per day" then means the
// same day for everyone.
export const VISIT_TIME_ZONE = "Asia/Shanghai";

const DEFAULT_RETENTION_DAYS = 90;

/** The visit day ("YYYY-MM-DD", Asia/Shanghai) that `now` falls in. */
export const visitDay = (now: Date) => todayIn(VISIT_TIME_ZONE, now);

/** How many days of visits are kept (VISIT_RETENTION_DAYS, default 90). */
export function visitRetentionDays(): number {
  const n = Number(process.env.VISIT_RETENTION_DAYS ?? DEFAULT_RETENTION_DAYS);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_RETENTION_DAYS;
}

/** The oldest visit day still kept: today minus the retention (older rows are pruned and never listed). */
export function oldestKeptDay(now: Date, retentionDays = visitRetentionDays()): string {
  const day = dateValue(visitDay(now));
  day.setUTCDate(day.getUTCDate() - retentionDays);
  return day.toISOString().slice(0, 10);
}
