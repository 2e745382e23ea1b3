"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/actions/notification-actions";
import type { NotificationPage, NotificationView } from "@/server/notifications/notification-view";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { announceNotificationsChanged } from "./events";
import { NotificationRow } from "./notification-row";

/**
 * The notifications page: grouped rows newest first, "Show older" (keyset
 * pages from /api/notifications), "Mark all as read" with a pending state.
 * Marking read updates the rows at once and tells the bell to re-count.
 */
export function NotificationList({ initial }: { initial: NotificationPage }) {
  const t = useTranslations("notifications");
  const [items, setItems] = useState(initial.items);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [marking, startMarking] = useTransition();
  const anyUnread = items.some((n) => n.unread);

  const open = (n: NotificationView) => {
    if (!n.unread) return;
    setItems((list) => list.map((x) => (x.id === n.id ? { ...x, unread: false } : x)));
    // Not awaited: the link navigates at once; the bell re-counts when it is saved.
    void markNotificationReadAction({ id: n.id }).then(announceNotificationsChanged);
  };

  const markAll = () => {
    setError(null);
    setStatus(null);
    startMarking(async () => {
      const upTo = items[0]?.id;
      const res = await markAllNotificationsReadAction(upTo ? { upTo } : {});
      if (!res.ok) {
        setError(t("markAllFailed"));
        return;
      }
      setItems((list) => list.map((x) => ({ ...x, unread: false })));
      setStatus(t("allRead"));
      announceNotificationsChanged();
    });
  };

  const loadMore = async () => {
    if (!cursor) return;
    setLoading(true);
    setError(null);
    try {
      const res = await fetch(`/api/notifications?before=${encodeURIComponent(cursor)}`, { cache: "no-store" });
      if (!res.ok) throw new Error(String(res.status));
      const page = (await res.json()) as NotificationPage;
      setItems((list) => [...list, ...page.items.filter((n) => !list.some((x) => x.id === n.id))]);
      setCursor(page.nextCursor);
    } catch {
      setError(t("loadFailed"));
    } finally {
      setLoading(false);
    }
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        {items.length > 0 && (
          <Button variant="secondary" onClick={markAll} pending={marking} disabled={!anyUnread} data-testid="mark-all-read">
            {marking ? t("markingAll") : t("markAll")}
          </Button>
        )}
      </div>
      <p role="status" className="sr-only">
        {status}
      </p>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {items.length === 0 ? (
        <EmptyState testId="notifications-empty">
          <p className="font-medium text-stone-800">{t("emptyTitle")}</p>
          <p className="mt-1 text-sm">{t("emptyBody")}</p>
          <Link href="/search" className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline">
            {t("findFriends")}
          </Link>
        </EmptyState>
      ) : (
        <ul className="divide-y divide-stone-100 overflow-hidden rounded-lg border border-stone-200 bg-white" data-testid="notification-list">
          {items.map((n) => (
            <NotificationRow key={n.id} n={n} onOpen={open} />
          ))}
        </ul>
      )}
      {cursor && (
        <div className="text-center">
          <Button variant="ghost" onClick={loadMore} pending={loading}>
            {loading ? t("loading") : t("loadMore")}
          </Button>
        </div>
      )}
    </div>
  );
}
