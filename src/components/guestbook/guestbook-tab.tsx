"use client";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { listMessagesAction } from "@/actions/guestbook-actions";
import type { GuestbookSummary } from "@/server/guestbook/list-messages";
import type { GuestbookEntryView } from "@/server/guestbook/present-entry";
import type { Page } from "@/server/presenters/post";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ApprovalToggle } from "./approval-toggle";
import { MessageComposer } from "./message-composer";
import { MessageCard } from "./message-card";

/**
 * The Guestbook tab (留言板): the owner's approval switch, the composer (or a
 * sign-in prompt), the counts and the messages, newest first with "Load
 * more". Everything shown came from the server already filtered for this
 * viewer; local changes only keep the counts in step with the list.
 */
export function GuestbookTab({
  handle,
  ownerName,
  signedIn,
  initial,
  summary,
}: {
  handle: string;
  ownerName: string;
  signedIn: boolean;
  initial: Page<GuestbookEntryView>;
  summary: GuestbookSummary;
}) {
  const t = useTranslations("guestbook");
  const tf = useTranslations("feed");
  const [items, setItems] = useState(initial.items);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [total, setTotal] = useState(summary.total);
  const [pendingCount, setPendingCount] = useState(summary.pending);
  const [loadFailed, setLoadFailed] = useState(false);
  const [loading, startLoading] = useTransition();
  const { isOwner } = summary;

  const loadMore = () =>
    startLoading(async () => {
      const res = cursor ? await listMessagesAction({ handle, before: cursor }) : null;
      if (!res?.ok) return setLoadFailed(true);
      setItems((prev) => {
        const seen = new Set(prev.map((m) => m.id));
        return [...prev, ...res.data.items.filter((m) => !seen.has(m.id))];
      });
      setCursor(res.data.nextCursor);
      setLoadFailed(false);
    });

  const posted = (entry: GuestbookEntryView) => {
    if (items.some((m) => m.id === entry.id)) return; // a retry answered with the first message
    setItems((prev) => [entry, ...prev]);
    setTotal((n) => n + 1);
    if (entry.pending) setPendingCount((n) => n + 1);
  };
  const changed = (entry: GuestbookEntryView) => {
    const before = items.find((m) => m.id === entry.id);
    if (before?.pending && !entry.pending) setPendingCount((n) => n - 1);
    setItems((prev) => prev.map((m) => (m.id === entry.id ? entry : m)));
  };
  const deleted = (entry: GuestbookEntryView) => {
    setItems((prev) => prev.filter((m) => m.id !== entry.id));
    setTotal((n) => n - 1);
    if (entry.pending) setPendingCount((n) => n - 1);
  };

  const signInHref = `/signin?callbackUrl=${encodeURIComponent(`/u/${handle}/guestbook`)}`;
  const empty = isOwner ? t("emptyOwner") : signedIn ? t("emptyVisitor", { name: ownerName }) : t("emptySignedOut", { name: ownerName });

  return (
    <div className="space-y-4">
      {isOwner && <ApprovalToggle initial={summary.approvalRequired} />}
      {signedIn ? (
        <MessageComposer handle={handle} ownerName={ownerName} isOwner={isOwner} approvalRequired={summary.approvalRequired} onPosted={posted} />
      ) : (
        <p className="rounded-lg border border-stone-200 bg-white p-4 text-center shadow-sm">
          <Link href={signInHref} className="font-medium text-brand-700 underline">
            {t("signIn")}
          </Link>
        </p>
      )}
      <section aria-labelledby="guestbook-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline gap-x-3">
          <h2 id="guestbook-heading" className="text-sm font-semibold text-stone-600">
            {t("heading")} · <span data-testid="guestbook-count">{t("count", { count: total })}</span>
          </h2>
          {pendingCount > 0 && (
            <p className="text-sm text-amber-800" data-testid="guestbook-pending">
              {isOwner ? t("pendingOwner", { count: pendingCount }) : t("pendingWriter", { count: pendingCount })}
            </p>
          )}
        </div>
        {items.length === 0 ? (
          <EmptyState testId="guestbook-empty">{empty}</EmptyState>
        ) : (
          <>
            {items.map((m) => (
              <MessageCard key={m.id} entry={m} ownerName={ownerName} onChanged={changed} onDeleted={deleted} />
            ))}
            {loadFailed && <p className="text-sm text-red-700">{tf("loadFailed")}</p>}
            {cursor && (
              <div className="flex justify-center">
                <Button variant="secondary" onClick={loadMore} pending={loading}>
                  {tf("loadMore")}
                </Button>
              </div>
            )}
          </>
        )}
      </section>
    </div>
  );
}
