import { useLocale, useTranslations } from "next-intl";
import { formatBytes } from "@/lib/format-bytes";
import type { QuotaUsage } from "@/lib/upload-check";

/**
 * "12.5 MB of 2 GB used", with a bar: the per-user quota, shown where people
 * upload. Not async and not "use client": server pages (settings, album)
 * and client uploaders (music, video, blog images) render the same meter.
 */
export function StorageUsage({ usedBytes, quotaBytes }: QuotaUsage) {
  const t = useTranslations("media");
  const locale = useLocale();
  const text = t("usage", { used: formatBytes(usedBytes, locale), quota: formatBytes(quotaBytes, locale) });
  return (
    <div className="text-xs text-stone-500" data-testid="storage-usage">
      {/* A meter, not a progress bar: it measures a quantity, nothing is in progress. */}
      <meter className="mr-2 h-1.5 w-28 align-middle" min={0} max={quotaBytes} high={quotaBytes * 0.9} value={Math.min(usedBytes, quotaBytes)} aria-label={text} />
      <span>{text}</span>
    </div>
  );
}
