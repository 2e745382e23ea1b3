"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useTimeZone } from "next-intl";
import { TIME_ZONE_COOKIE } from "@/i18n/config";

/** Tells the server the browser's time zone once, so times render in the user's zone. */
export function TimeZoneSync() {
  const serverZone = useTimeZone();
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}`;
    // Refresh at most once: only when the cookie is not already what we would set.
    if (zone && zone !== serverZone && !document.cookie.split("; ").includes(cookie)) {
      document.cookie = `${cookie}; path=/; max-age=31536000; samesite=lax`;
      router.refresh();
    }
  }, [serverZone, router]);
  return null;
}
