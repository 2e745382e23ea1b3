import { getFormatter, getTimeZone, getTranslations } from "next-intl/server";
import { getSpaceViewer } from "@/server/preview/space-viewer";
import { calendarDays } from "@/server/diary/calendar-days";
import { listMonth } from "@/server/diary/list-month";
import { orNotFound } from "@/server/http/or-not-found";
import { getSpace } from "@/server/users/get-space";
import { dateValue, monthOf, todayIn } from "@/lib/diary";
import { diaryMonthSchema } from "@/lib/validation/diary";
import { DiaryCalendar } from "@/components/diary/calendar";
import { DiaryComposer } from "@/components/diary/diary-composer";
import { PostCard } from "@/components/posts/post-card";
import { EmptyState } from "@/components/ui/empty-state";

type Props = { params: Promise<{ handle: string }>; searchParams: Promise<{ month?: string | string[] }> };

export async function generateMetadata({ params }: Props) {
  const { handle } = await params;
  const t = await getTranslations("diary");
  return { title: t("pageTitle", { name: `@${handle}` }) };
}

/**
 * The space's Diary tab for one month (`?month=YYYY-MM`, default: this month
 * where the viewer is): the calendar of days with entries and the month's
 * entries, both limited to what the viewer may read. The owner can write
 * from here.
 */
export default async function DiaryPage({ params, searchParams }: Props) {
  const [{ handle }, query] = await Promise.all([params, searchParams]);
  const { viewer } = await getSpaceViewer(handle);
  const space = await orNotFound(getSpace(viewer, handle));
  const today = todayIn(await getTimeZone());
  const asked = diaryMonthSchema.safeParse(query.month);
  // A later month than this one can hold no entries (they are never dated in the future).
  const month = asked.success && asked.data <= monthOf(today) ? asked.data : monthOf(today);
  const where = { ownerId: space.owner.id, access: space.access, month };
  const [list, days, t, format] = await Promise.all([listMonth(viewer, where), calendarDays(where), getTranslations("diary"), getFormatter()]);
  const isOwner = space.relation === "owner";
  const monthName = format.dateTime(dateValue(`${month}-01`), { timeZone: "UTC", year: "numeric", month: "long" });
  const seen = new Set<string>();

  return (
    <div className="space-y-4">
      {isOwner && <DiaryComposer handle={space.owner.handle} month={month} today={today} />}
      <DiaryCalendar handle={space.owner.handle} month={month} days={days} today={today} />
      <section aria-labelledby="diary-entries-heading" className="space-y-3">
        <h2 id="diary-entries-heading" className="text-sm font-semibold text-stone-600">
          {t("entriesHeading", { month: monthName })}
        </h2>
        {list.items.length === 0 ? (
          <EmptyState testId="diary-empty">{isOwner ? t("emptyOwner", { month: monthName }) : t("empty", { month: monthName })}</EmptyState>
        ) : (
          list.items.map((entry) => {
            // The calendar's day links land on the first (newest) entry of that day.
            const date = entry.attachment.date;
            const anchor = seen.has(date) ? undefined : `day-${date}`;
            seen.add(date);
            return (
              <div key={entry.id} id={anchor} className="scroll-mt-4">
                <PostCard post={entry} />
              </div>
            );
          })
        )}
        {list.truncated && <p className="text-center text-sm text-stone-500">{t("truncated", { count: list.items.length })}</p>}
      </section>
    </div>
  );
}
