"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { FEED_KINDS, feedHref, type FeedKind } from "@/lib/feed-filter";

type Props = { kind: FeedKind | null; group: number | null; groups: { id: number; name: string }[] };

/**
 * The home feed's filters as links (the selection lives in the URL, so it
 * can be bookmarked, shared and navigated with the keyboard and Back): by
 * kind of item, and, once the viewer has friend groups, by group. Each link
 * keeps the other choice. The selected one carries aria-current.
 */
export function FeedFilters({ kind, group, groups }: Props) {
  const t = useTranslations("feedFilters");
  return (
    <nav aria-label={t("label")} className="space-y-2 rounded-lg border border-stone-200 bg-white px-3 py-2 shadow-sm" data-testid="feed-filters">
      <FilterRow label={t("kindsLabel")}>
        <Chip href={feedHref({ group })} current={kind === null}>
          {t("all")}
        </Chip>
        {FEED_KINDS.map((k) => (
          <Chip key={k} href={feedHref({ kind: k, group })} current={kind === k}>
            {t(k)}
          </Chip>
        ))}
      </FilterRow>
      {groups.length > 0 && (
        <FilterRow label={t("groupsLabel")}>
          <Chip href={feedHref({ kind })} current={group === null}>
            {t("everyone")}
          </Chip>
          {groups.map((g) => (
            <Chip key={g.id} href={feedHref({ kind, group: g.id })} current={group === g.id}>
              {g.name}
            </Chip>
          ))}
          <li className="list-none">
            <Link href="/friends/groups" className="px-1 text-xs text-brand-700 hover:underline">
              {t("manageGroups")}
            </Link>
          </li>
        </FilterRow>
      )}
    </nav>
  );
}

function FilterRow({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <span className="mr-1 text-xs font-medium text-stone-500">{label}</span>
      <ul className="contents">{children}</ul>
    </div>
  );
}

function Chip({ href, current, children }: { href: string; current: boolean; children: React.ReactNode }) {
  return (
    <li className="list-none">
      <Link
        href={href}
        aria-current={current ? "page" : undefined}
        scroll={false}
        className={`inline-flex min-h-8 max-w-[12rem] items-center truncate rounded-full px-3 text-sm transition focus-visible:outline-2 focus-visible:outline-brand-600 ${
          current ? "bg-brand-600 font-medium text-white" : "bg-stone-100 text-stone-700 hover:bg-stone-200"
        }`}
      >
        {children}
      </Link>
    </li>
  );
}
