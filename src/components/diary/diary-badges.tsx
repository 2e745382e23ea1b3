import { useFormatter, useTranslations } from "next-intl";
import { dateValue, MOOD_EMOJI, MOODS, WEATHER_EMOJI, WEATHERS, type Mood, type Weather } from "@/lib/diary";

const isMood = (m: string | null): m is Mood => (MOODS as readonly string[]).includes(m ?? "");
const isWeather = (w: string | null): w is Weather => (WEATHERS as readonly string[]).includes(w ?? "");

/** "Wednesday, March 12, 2025" for a calendar date, whatever the viewer's zone (it is a date, not an instant). */
export function useDiaryDate() {
  const format = useFormatter();
  return (date: string, style: "full" | "long" | "medium" = "full") => format.dateTime(dateValue(date), { dateStyle: style, timeZone: "UTC" });
}

/** An entry's date, mood and weather (server or client components alike). */
export function DiaryBadges({ date, mood, weather }: { date: string; mood: string | null; weather: string | null }) {
  const t = useTranslations("diary");
  const formatDate = useDiaryDate();
  const chip = "inline-flex items-center gap-1 rounded-full bg-stone-100 px-2.5 py-0.5 text-xs text-stone-700";
  return (
    <div className="flex flex-wrap items-center gap-1.5" data-testid="diary-badges">
      <time dateTime={date} className={`${chip} font-medium`}>
        <span aria-hidden>📔</span>
        {formatDate(date)}
      </time>
      {isMood(mood) && (
        <span className={chip}>
          <span aria-hidden>{MOOD_EMOJI[mood]}</span>
          <span className="sr-only">{t("badge.mood")} </span>
          {t(`mood.${mood}`)}
        </span>
      )}
      {isWeather(weather) && (
        <span className={chip}>
          <span aria-hidden>{WEATHER_EMOJI[weather]}</span>
          <span className="sr-only">{t("badge.weather")} </span>
          {t(`weather.${weather}`)}
        </span>
      )}
    </div>
  );
}
