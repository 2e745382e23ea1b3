"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { Page, PostView } from "@/server/presenters/post";
import { Button } from "@/components/ui/button";
import { PostCard } from "./post-card";

/**
 * A keyset-paginated list of posts: the first page is rendered by the server,
 * "load more" asks `endpoint?before=<last id>`. Ids already shown are skipped,
 * so a page never repeats an item.
 */
export function PostList({ initial, endpoint, prepend = [], empty }: { initial: Page<PostView>; endpoint: string; prepend?: PostView[]; empty: React.ReactNode }) {
  const t = useTranslations("feed");
  const [items, setItems] = useState(initial.items);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [error, setError] = useState(false);
  const [pending, startTransition] = useTransition();

  const loadMore = () =>
    startTransition(async () => {
      try {
        const res = await fetch(`${endpoint}${endpoint.includes("?") ? "&" : "?"}before=${cursor}`, { headers: { accept: "application/json" } });
        if (!res.ok) throw new Error(String(res.status));
        const page = (await res.json()) as Page<PostView>;
        setItems((prev) => {
          const seen = new Set(prev.map((p) => p.id));
          return [...prev, ...page.items.filter((p) => !seen.has(p.id))];
        });
        setCursor(page.nextCursor);
        setError(false);
      } catch {
        setError(true);
      }
    });

  const shownIds = new Set(items.map((p) => p.id));
  const all = [...prepend.filter((p) => !shownIds.has(p.id)), ...items];
  if (all.length === 0) return <>{empty}</>;
  return (
    <div className="space-y-3">
      {all.map((p) => (
        <PostCard key={p.id} post={p} />
      ))}
      {error && <p className="text-sm text-red-700">{t("loadFailed")}</p>}
      {cursor ? (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={loadMore} pending={pending}>
            {t("loadMore")}
          </Button>
        </div>
      ) : (
        <p className="py-2 text-center text-sm text-stone-500">{t("end")}</p>
      )}
    </div>
  );
}
