"use client";
import { useFormatter, useNow } from "next-intl";

/** "3 minutes ago", with the full date in the viewer's time zone on hover. */
export function RelativeTime({ iso }: { iso: string }) {
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={format.dateTime(date, { dateStyle: "medium", timeStyle: "short" })}>
      {format.relativeTime(date, now)}
    </time>
  );
}
