"use client";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { VisitorView } from "@/server/visitors/list-visitors";
import { moreVisitorsAction } from "@/actions/visitor-actions";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";

/** The owner's recent visitors, most recent first, with "show more". */
export function VisitorList({ initial, nextCursor }: { initial: VisitorView[]; nextCursor: string | null }) {
  const t = useTranslations("visitors");
  const te = useTranslations("errors");
  const [visitors, setVisitors] = useState(initial);
  const [cursor, setCursor] = useState(nextCursor);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const more = () => {
    if (!cursor) return;
    startTransition(async () => {
      const res = await moreVisitorsAction({ before: cursor });
      if (!res.ok) return setError(te(res.error));
      const page = res.data;
      if (page.state !== "visible") return setCursor(null);
      setError(null);
      // A visitor who came back since the first page moved up; don't show them twice.
      setVisitors((shown) => {
        const ids = new Set(shown.map((v) => v.id));
        return [...shown, ...page.visitors.filter((v) => !ids.has(v.id))];
      });
      setCursor(page.nextCursor);
    });
  };

  return (
    <div>
      <ul className="divide-y divide-stone-100">
        {visitors.map((v) => (
          <li key={v.id} className="flex items-center gap-3 py-2" data-testid="visitor">
            <Avatar user={v} size="sm" />
            <div className="min-w-0 flex-1">
              <Link href={`/u/${v.handle}`} className="block truncate font-medium text-stone-900 hover:underline">
                {v.displayName}
              </Link>
              <p className="text-xs text-stone-500">
                {t("lastVisit")} <RelativeTime iso={v.lastAt} />
              </p>
            </div>
          </li>
        ))}
      </ul>
      {cursor && (
        <div className="mt-2 flex items-center gap-3">
          <Button type="button" variant="secondary" pending={pending} onClick={more}>
            {t("showMore")}
          </Button>
          {error && (
            <p role="alert" className="text-sm text-red-700">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
