"use client";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { LikersPage } from "@/server/likes/list-likers";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";

type State = { items: LikersPage["items"]; cursor: string | null; total: number; status: "loading" | "idle" | "error" };

async function fetchLikers(postId: string, space: string | null, cursor: string | null): Promise<LikersPage> {
  const q = new URLSearchParams([...(cursor ? [["cursor", cursor]] : []), ...(space ? [["space", space]] : [])]);
  const res = await fetch(`/api/posts/${postId}/likes${q.size ? `?${q}` : ""}`, { headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(String(res.status));
  return (await res.json()) as LikersPage;
}

/**
 * The full list of who liked an item, newest first, a page at a time
 * (GET /api/posts/:id/likes, which applies the privacy module). A modal
 * <dialog>: focus moves into it, Esc and the close button close it.
 */
export function LikersDialog({ postId, space, count, onClose }: { postId: string; space: string | null; count: number; onClose: () => void }) {
  const t = useTranslations("likes");
  const ref = useRef<HTMLDialogElement>(null);
  const [state, setState] = useState<State>({ items: [], cursor: null, total: count, status: "loading" });

  // Appends a page (or replaces the list for the first one), skipping anyone already shown.
  const show = useCallback((page: LikersPage, more: boolean) => {
    setState((s) => {
      const kept = more ? s.items : [];
      const seen = new Set(kept.map((u) => u.id));
      return { items: [...kept, ...page.items.filter((u) => !seen.has(u.id))], cursor: page.nextCursor, total: page.total, status: "idle" };
    });
  }, []);
  const failed = useCallback(() => setState((s) => ({ ...s, status: "error" })), []);

  useEffect(() => {
    if (!ref.current?.open) ref.current?.showModal();
    let live = true;
    fetchLikers(postId, space, null).then(
      (page) => live && show(page, false),
      () => live && failed(),
    );
    return () => {
      live = false;
    };
  }, [postId, space, show, failed]);

  const load = (cursor: string | null) => {
    setState((s) => ({ ...s, status: "loading" }));
    fetchLikers(postId, space, cursor).then((page) => show(page, cursor != null), failed);
  };

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      // A click on the backdrop (the dialog element itself, outside its box) closes it.
      onClick={(e) => e.target === ref.current && ref.current?.close()}
      aria-labelledby={`likers-title-${postId}`}
      className="m-auto w-[min(24rem,calc(100vw-2rem))] rounded-lg bg-white p-0 shadow-xl backdrop:bg-stone-900/40"
      data-testid="likers-dialog"
    >
      <div className="flex items-center justify-between border-b border-stone-100 px-4 py-3">
        <h2 id={`likers-title-${postId}`} className="text-base font-semibold text-stone-900">
          {t("dialogTitle", { count: state.total })}
        </h2>
        <Button variant="ghost" onClick={() => ref.current?.close()} aria-label={t("close")} className="!px-2">
          <span aria-hidden>×</span>
        </Button>
      </div>
      <div className="max-h-[60vh] overflow-y-auto px-4 py-2">
        {state.items.length > 0 && (
          <ul className="divide-y divide-stone-100">
            {state.items.map((u) => (
              <li key={u.id} className="flex items-center gap-3 py-2">
                <Link href={`/u/${u.handle}`} className="flex min-w-0 flex-1 items-center gap-3 hover:underline">
                  <Avatar user={u} size="sm" />
                  <span className="truncate text-sm font-medium text-stone-900">{u.displayName}</span>
                </Link>
                {u.friend && <span className="shrink-0 rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-600">{t("friend")}</span>}
              </li>
            ))}
          </ul>
        )}
        {state.status === "idle" && state.items.length === 0 && <p className="py-6 text-center text-sm text-stone-600">{t("empty")}</p>}
        {state.status === "loading" && (
          <p className="py-3 text-center text-sm text-stone-500" role="status">
            {t("loading")}
          </p>
        )}
        {state.status === "error" && (
          <div className="py-3 text-center text-sm text-red-700" role="alert">
            <p>{t("loadFailed")}</p>
            <Button variant="secondary" className="mt-2" onClick={() => load(state.items.length ? state.cursor : null)}>
              {t("retry")}
            </Button>
          </div>
        )}
        {state.status === "idle" && state.cursor && (
          <div className="flex justify-center py-2">
            <Button variant="secondary" onClick={() => load(state.cursor)}>
              {t("loadMore")}
            </Button>
          </div>
        )}
      </div>
    </dialog>
  );
}
