"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { NOTIFICATIONS_CHANGED } from "./events";

/** How often the header asks for the unread count while the tab is visible. */
const POLL_MS = 15_000;
/** Mirrors UNREAD_CAP (src/server/notifications/unread-count.ts): beyond it the badge says "99+". */
const CAP = 99;

/**
 * The header's bell with the unread count. The count comes with the page and
 * is refreshed by polling a small JSON route every 15 s (only while the tab
 * is visible), when the window regains focus or becomes visible, and when
 * the notifications page marks rows read.
 */
export function NotificationBell({ initialCount }: { initialCount: number }) {
  const t = useTranslations("notifications");
  const [count, setCount] = useState(initialCount);
  // A server render (router.refresh, navigation) brings a fresher count: adopt it.
  const [fromServer, setFromServer] = useState(initialCount);
  if (fromServer !== initialCount) {
    setFromServer(initialCount);
    setCount(initialCount);
  }

  useEffect(() => {
    let inflight: AbortController | null = null;
    let alive = true;
    const refresh = async () => {
      if (document.visibilityState === "hidden") return;
      inflight?.abort();
      const ac = new AbortController();
      inflight = ac;
      try {
        const res = await fetch("/api/notifications/unread", { signal: ac.signal, cache: "no-store" });
        if (!res.ok) return;
        const data = (await res.json()) as { count?: unknown };
        if (alive && typeof data.count === "number") setCount(data.count);
      } catch {
        // Offline or aborted: keep the last count; the next poll tries again.
      }
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible") void refresh();
    };
    const timer = window.setInterval(refresh, POLL_MS);
    window.addEventListener("focus", refresh);
    window.addEventListener(NOTIFICATIONS_CHANGED, refresh);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      alive = false;
      inflight?.abort();
      window.clearInterval(timer);
      window.removeEventListener("focus", refresh);
      window.removeEventListener(NOTIFICATIONS_CHANGED, refresh);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, []);

  const label = count > CAP ? t("bellLabelMany", { cap: CAP }) : t("bellLabel", { count });
  return (
    <Link href="/notifications" aria-label={label} title={label} data-testid="notification-bell" className="relative inline-flex items-center rounded px-2 py-1 hover:bg-stone-100">
      <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5 text-stone-700" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count > 0 && (
        <span aria-hidden data-testid="notification-count" className="absolute -top-0.5 -right-0.5 min-w-[1.1rem] rounded-full bg-red-600 px-1 text-center text-[11px] leading-[1.1rem] font-semibold text-white">
          {count > CAP ? `${CAP}+` : count}
        </span>
      )}
    </Link>
  );
}
