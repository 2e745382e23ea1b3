import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { dateValue, daysInMonth, monthOf, shiftMonth } from "@/lib/diary";

type Day = { date: string; count: number };

/** Week rows of a month: null pads the days before the 1st and after the last. */
function weeks(month: string, weekStartsOn: number): (string | null)[][] {
  const lead = (dateValue(`${month}-01`).getUTCDay() - weekStartsOn + 7) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= daysInMonth(month); d++) cells.push(`${month}-${String(d).padStart(2, "0")}`);
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

/**
 * A month grid of the diary: days with entries the viewer may read are links
 * to those entries in the list below (with how many, for screen readers),
 * plus links to the previous and next month. Plain links and a table, so it
 * works by keyboard and without JavaScript. There is no next month after the
 * current one: an entry is never dated in the future.
 */
export function DiaryCalendar({ handle, month, days, today }: { handle: string; month: string; days: Day[]; today: string }) {
  const t = useTranslations("diary.calendar");
  const format = useFormatter();
  // Weeks start on Monday in China, on Sunday in the US.
  const weekStartsOn = useLocale().startsWith("zh") ? 1 : 0;
  const counts = new Map(days.map((d) => [d.date, d.count]));
  const href = (m: string) => `/u/${handle}/diary?month=${m}`;
  const utc = { timeZone: "UTC" } as const;
  const title = format.dateTime(dateValue(`${month}-01`), { ...utc, year: "numeric", month: "long" });
  // Any week's seven days give the weekday names; 2024-01-07 is a Sunday.
  const weekdays = Array.from({ length: 7 }, (_, i) => dateValue(`2024-01-${String(7 + ((i + weekStartsOn) % 7)).padStart(2, "0")}`));
  const hasNext = month < monthOf(today);
  const nav = "inline-flex h-9 w-9 items-center justify-center rounded-md border border-stone-300 text-lg";
  const headingId = `diary-calendar-${month}`;

  return (
    <section aria-label={t("label")} className="rounded-lg border border-stone-200 bg-white p-3 shadow-sm sm:p-4" data-testid="diary-calendar">
      <div className="mb-2 flex items-center justify-between gap-2">
        <Link href={href(shiftMonth(month, -1))} className={`${nav} hover:bg-stone-50`} aria-label={t("previous")} title={t("previous")}>
          <span aria-hidden>‹</span>
        </Link>
        <h2 id={headingId} className="text-base font-semibold text-stone-900">
          {title}
        </h2>
        {hasNext ? (
          <Link href={href(shiftMonth(month, 1))} className={`${nav} hover:bg-stone-50`} aria-label={t("next")} title={t("next")}>
            <span aria-hidden>›</span>
          </Link>
        ) : (
          <span className={`${nav} cursor-not-allowed text-stone-300`} aria-hidden>
            ›
          </span>
        )}
      </div>
      <table className="w-full table-fixed border-collapse text-center text-sm" aria-labelledby={headingId}>
        <thead>
          <tr>
            {weekdays.map((d) => (
              <th key={d.toISOString()} scope="col" abbr={format.dateTime(d, { ...utc, weekday: "long" })} className="pb-1 text-xs font-medium text-stone-500">
                {format.dateTime(d, { ...utc, weekday: "narrow" })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks(month, weekStartsOn).map((week, i) => (
            <tr key={i}>
              {week.map((date, j) => {
                if (!date) return <td key={j} />;
                const count = counts.get(date) ?? 0;
                const isToday = date === today;
                const label = format.dateTime(dateValue(date), { ...utc, day: "numeric", month: "long" });
                const day = Number(date.slice(8));
                const ring = isToday ? "ring-2 ring-brand-500 ring-offset-1" : "";
                return (
                  <td key={j} className="p-0.5">
                    {count > 0 ? (
                      <Link
                        href={`#day-${date}`}
                        aria-label={t("day", { count, date: label })}
                        aria-current={isToday ? "date" : undefined}
                        data-has-entries
                        className={`relative mx-auto flex h-9 w-9 items-center justify-center rounded-full bg-brand-600 font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 ${ring}`}
                      >
                        {day}
                        {count > 1 && (
                          <span aria-hidden className="absolute -top-1 -right-1 rounded-full bg-amber-400 px-1 text-[10px] leading-4 text-stone-900">
                            {count}
                          </span>
                        )}
                      </Link>
                    ) : (
                      <span
                        aria-current={isToday ? "date" : undefined}
                        title={isToday ? t("today") : undefined}
                        className={`mx-auto flex h-9 w-9 items-center justify-center rounded-full ${date > today ? "text-stone-300" : "text-stone-600"} ${ring}`}
                      >
                        {day}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
