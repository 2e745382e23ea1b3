"use client";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

const TABS = [
  { tab: "status", path: "" },
  { tab: "blog", path: "/blog" },
  { tab: "diary", path: "/diary" },
  { tab: "albums", path: "/albums" },
  { tab: "music", path: "/music" },
  { tab: "video", path: "/video" },
  { tab: "guestbook", path: "/guestbook" },
] as const;

/**
 * The space's sections. Client-side links (the space layout stays mounted,
 * so background music keeps playing); the current one is marked for screen
 * readers too.
 */
export function SpaceTabs({ handle }: { handle: string }) {
  const t = useTranslations("space");
  const pathname = usePathname();
  const base = `/u/${handle}`;
  const activeRef = useRef<HTMLAnchorElement>(null);
  // On a phone the tab row scrolls: keep the current tab in view.
  // (A block body: newer browsers return a promise from scrollIntoView, which React would take for a cleanup.)
  useEffect(() => {
    activeRef.current?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [pathname]);
  const current = TABS.slice()
    .reverse()
    .find(({ path }) => (path ? pathname.startsWith(base + path) : pathname === base || pathname.startsWith(`${base}/post/`)));
  return (
    <nav aria-label={t("tabs")} className="flex gap-1 overflow-x-auto border-t border-stone-100 px-2 text-sm">
      {TABS.map(({ tab, path }) => {
        const active = current?.tab === tab;
        return (
          <Link
            key={tab}
            ref={active ? activeRef : undefined}
            href={base + path}
            aria-current={active ? "page" : undefined}
            className={`whitespace-nowrap border-b-2 px-3 py-2 ${active ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-stone-600 hover:text-stone-900"}`}
          >
            {t(`tab.${tab}`)}
          </Link>
        );
      })}
    </nav>
  );
}
