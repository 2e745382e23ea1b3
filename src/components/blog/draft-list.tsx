"use client";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { deleteDraftAction } from "@/actions/blog-actions";
import type { DraftSummary } from "@/server/blog/list-drafts";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";

/** The owner's unpublished drafts on their Blog tab: resume one, or throw it away. */
export function DraftList({ drafts: initial }: { drafts: DraftSummary[] }) {
  const t = useTranslations("blog");
  const te = useTranslations("errors");
  const [drafts, setDrafts] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pendingId, setPendingId] = useState<number | null>(null);
  const [, startTransition] = useTransition();

  if (drafts.length === 0) return null;
  const remove = (id: number) => {
    if (!window.confirm(t("confirmDeleteDraft"))) return;
    setPendingId(id);
    startTransition(async () => {
      const res = await deleteDraftAction({ draftId: id });
      setPendingId(null);
      // Already gone (another tab) is as good as deleted.
      if (res.ok || res.code === "not_found") {
        setDrafts((d) => d.filter((x) => x.id !== id));
        setError(null);
      } else setError(te(res.error));
    });
  };

  return (
    <section aria-labelledby="blog-drafts" className="rounded-lg border border-dashed border-stone-300 bg-white p-4">
      <h2 id="blog-drafts" className="font-medium">
        {t("drafts", { count: drafts.length })}
      </h2>
      <p className="mb-2 text-xs text-stone-500">{t("draftsHint")}</p>
      <ul className="divide-y divide-stone-100">
        {drafts.map((d) => {
          const title = d.title || t("untitled");
          return (
            <li key={d.id} className="flex items-center gap-3 py-2" data-testid="blog-draft">
              <div className="min-w-0 flex-1">
                <Link href={`/blog/write?draft=${d.id}`} aria-label={t("resume", { title })} className="block truncate text-stone-900 hover:text-brand-700 hover:underline">
                  {title}
                </Link>
                <span className="text-xs text-stone-500">
                  {t.rich("savedAt", { time: () => <RelativeTime iso={d.updatedAt} /> })}
                </span>
              </div>
              <Button variant="ghost" onClick={() => remove(d.id)} pending={pendingId === d.id} aria-label={t("deleteDraftNamed", { title })}>
                {t("deleteDraft")}
              </Button>
            </li>
          );
        })}
      </ul>
      {error && (
        <p className="mt-2 text-sm text-red-700" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
