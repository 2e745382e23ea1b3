// Diary constants and calendar-date helpers shared by the forms (client),
// the schema and the use-cases. Kept free of zod so client bundles stay small.

/** Stored keys; the UI shows each with its emoji and a translated label. */
export const MOODS = ["happy", "calm", "sad", "angry", "tired", "excited"] as const;
export const WEATHERS = ["sunny", "cloudy", "rainy", "snowy", "windy", "foggy"] as const;
export type Mood = (typeof MOODS)[number];
export type Weather = (typeof WEATHERS)[number];

export const MOOD_EMOJI: Record<Mood, string> = { happy: "😊", calm: "😌", sad: "😢", angry: "😠", tired: "😴", excited: "🤩" };
export const WEATHER_EMOJI: Record<Weather, string> = { sunny: "☀️", cloudy: "☁️", rainy: "🌧️", snowy: "❄️", windy: "🌬️", foggy: "🌫️" };

export const DIARY_TITLE_MAX = 100;
export const DIARY_BODY_MAX = 10_000;
/** The earliest date an entry may carry (older ones are typos, not memories). */
export const DIARY_MIN_DATE = "1900-01-01";
/**
 * Without the writer's zone, "today" is taken where the calendar is furthest
 * ahead (UTC+14), so only dates that are in the future everywhere are refused.
 */
export const LATEST_TIME_ZONE = "Pacific/Kiritimati";

/** A calendar date "YYYY-MM-DD" that exists (no 31 February). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A month "YYYY-MM". */
export function isIsoMonth(s: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
}

/** Today's calendar date in a time zone, as "YYYY-MM-DD". */
export function todayIn(timeZone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** The month a date falls in: "2025-03-12" -> "2025-03". */
export const monthOf = (isoDate: string) => isoDate.slice(0, 7);

/** The month `delta` months away: shiftMonth("2025-01", -1) = "2024-12". */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}

/** The number of days in a month. */
export function daysInMonth(month: string): number {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A calendar date as the Date the database's DATE column round-trips to (UTC midnight). */
export const dateValue = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
