"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { Page, PostView } from "@/server/presenters/post";
import { PostCard } from "@/components/posts/post-card";
import { Button } from "@/components/ui/button";

/**
 * A space tab's items (songs, videos) as post cards, each with its owner's
 * tools below it. The first page comes from the server and follows it on
 * router.refresh() (a new upload, an edit); "load more" asks
 * `endpoint?before=<last id>`. Shared by the music and video tabs.
 */
export function ItemList({
  initial,
  endpoint,
  empty,
  tools,
  testId,
}: {
  initial: Page<PostView>;
  endpoint: string;
  empty: React.ReactNode;
  tools?: (post: PostView) => React.ReactNode;
  testId: string;
}) {
  const t = useTranslations("feed");
  const router = useRouter();
  const [more, setMore] = useState<Page<PostView> | null>(null);
  const [deleted, setDeleted] = useState<Set<string>>(new Set());
  const [error, setError] = useState(false);
  const [pending, startTransition] = useTransition();
  const cursor = more ? more.nextCursor : initial.nextCursor;

  const loadMore = () =>
    startTransition(async () => {
      try {
        const res = await fetch(`${endpoint}${endpoint.includes("?") ? "&" : "?"}before=${cursor}`, { headers: { accept: "application/json" } });
        if (!res.ok) throw new Error(String(res.status));
        const page = (await res.json()) as Page<PostView>;
        setMore((prev) => ({ items: [...(prev?.items ?? []), ...page.items], nextCursor: page.nextCursor }));
        setError(false);
      } catch {
        setError(true);
      }
    });

  const seen = new Set<string>();
  const items = [...initial.items, ...(more?.items ?? [])].filter((p) => !deleted.has(p.id) && !seen.has(p.id) && seen.add(p.id));
  if (items.length === 0) return <>{empty}</>;
  return (
    <div className="space-y-3">
      {items.map((p) => (
        <div key={p.id} data-testid={testId} data-post-id={p.id}>
          <PostCard
            post={p}
            onDeleted={(id) => {
              setDeleted((d) => new Set(d).add(id));
              router.refresh();
            }}
          />
          {tools?.(p)}
        </div>
      ))}
      {error && <p className="text-sm text-red-700">{t("loadFailed")}</p>}
      {cursor && (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={loadMore} pending={pending}>
            {t("loadMore")}
          </Button>
        </div>
      )}
    </div>
  );
}
