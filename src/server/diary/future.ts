import "server-only";
import type { SignedInViewer } from "@/server/auth/viewer";
import { AppError } from "@/server/errors";
import { isTimeZone } from "@/i18n/config";
import { LATEST_TIME_ZONE, todayIn } from "@/lib/diary";

/**
 * Refuses an entry dated after today where the writer is: the zone the form
 * sent, else the account's, else the zone furthest ahead (so a date is only
 * refused when it is in the future everywhere).
 */
export function assertNotFuture(viewer: SignedInViewer, input: { entryDate: string; timeZone?: string }) {
  const zone = [input.timeZone, viewer.timeZone].find(isTimeZone) ?? LATEST_TIME_ZONE;
  const today = todayIn(zone);
  if (input.entryDate > today) throw new AppError("invalid", "diaryDateFuture", "entryDate");
}
