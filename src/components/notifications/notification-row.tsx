"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { NotificationView } from "@/server/notifications/notification-view";
import { Avatar } from "@/components/ui/avatar";
import { RelativeTime } from "@/components/ui/relative-time";

/** The message key for a row: mentions say where they were made. */
function lineKey(n: NotificationView) {
  if (n.type !== "mention") return n.type;
  return n.about === "comment" ? "mentionComment" : n.about === "guestbook" ? "mentionGuestbook" : "mentionPost";
}

/**
 * One grouped notification: "A and 3 others liked your photo 'Sunset'".
 * Unread rows have a tinted background, a dot and "Unread" for screen
 * readers. Opening it marks its group read (onOpen) and follows the link.
 */
export function NotificationRow({ n, onOpen }: { n: NotificationView; onOpen: (n: NotificationView) => void }) {
  const t = useTranslations("notifications");
  const first = n.actors[0];
  const kind = n.item ? t(`kind.${n.item.kind}`) : "";
  const label = n.item?.label ? t("quoted", { label: n.item.label }) : "";
  const line = t.rich(`line.${lineKey(n)}`, {
    actor: first?.displayName ?? "?",
    others: Math.max(0, n.actorCount - 1),
    kind,
    label,
    b: (chunks) => <strong className="font-semibold text-stone-900">{chunks}</strong>,
  });
  return (
    <li data-testid="notification" data-unread={n.unread ? "true" : "false"} data-type={n.type}>
      <Link
        href={n.href}
        onClick={() => onOpen(n)}
        className={`flex gap-3 px-3 py-3 hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-brand-600 ${n.unread ? "bg-amber-50/70" : "bg-white"}`}
      >
        <span className="shrink-0">
          {first && <Avatar user={first} size="md" />}
        </span>
        <span className="min-w-0 flex-1">
          <span className={`block text-sm break-words ${n.unread ? "text-stone-900" : "text-stone-600"}`}>
            {n.unread && <span className="sr-only">{t("unread")}: </span>}
            {line}
          </span>
          {n.excerpt && <span className="mt-0.5 block truncate text-sm text-stone-500">{n.excerpt}</span>}
          <span className="mt-0.5 block text-xs text-stone-400">
            <RelativeTime iso={n.createdAt} />
          </span>
        </span>
        {n.unread && <span aria-hidden className="mt-2 h-2.5 w-2.5 shrink-0 rounded-full bg-brand-600" />}
      </Link>
    </li>
  );
}
