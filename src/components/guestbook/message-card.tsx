"use client";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { approveMessageAction, deleteMessageAction } from "@/actions/guestbook-actions";
import type { GuestbookEntryView } from "@/server/guestbook/present-entry";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { RichText } from "@/components/ui/rich-text";
import { ReplyForm } from "./reply-form";

/**
 * One guestbook message: writer, time, badges (private, awaiting approval),
 * the text, the owner's reply, and the buttons the server says this viewer
 * may use (the card never works permissions out itself).
 */
export function MessageCard({
  entry,
  ownerName,
  onChanged,
  onDeleted,
}: {
  entry: GuestbookEntryView;
  ownerName: string;
  onChanged: (entry: GuestbookEntryView) => void;
  onDeleted: (entry: GuestbookEntryView) => void;
}) {
  const t = useTranslations("guestbook.entry");
  const te = useTranslations("errors");
  const [replying, setReplying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [approving, startApprove] = useTransition();
  const [deleting, startDelete] = useTransition();

  const approve = () =>
    startApprove(async () => {
      const res = await approveMessageAction({ entryId: entry.id });
      if (res.ok) {
        setError(null);
        onChanged(res.data);
      } else setError(te(res.error));
    });

  const remove = () => {
    if (!window.confirm(t("confirmDelete"))) return;
    startDelete(async () => {
      const res = await deleteMessageAction({ entryId: entry.id });
      if (res.ok) onDeleted(entry);
      else setError(te(res.error));
    });
  };

  const busy = approving || deleting;
  return (
    <article
      id={`message-${entry.id}`}
      className={`scroll-mt-20 rounded-lg border bg-white p-4 shadow-sm ${entry.pending ? "border-amber-300" : "border-stone-200"}`}
      data-testid="guestbook-entry"
      data-entry-id={entry.id}
    >
      <header className="mb-2 flex items-start gap-3">
        <Link href={`/u/${entry.author.handle}`} tabIndex={-1}>
          <Avatar user={entry.author} />
        </Link>
        <div className="min-w-0 flex-1">
          <Link href={`/u/${entry.author.handle}`} className="font-semibold break-words text-stone-900 hover:underline">
            {entry.author.displayName}
          </Link>
          <div className="flex flex-wrap items-center gap-x-2 text-xs text-stone-500">
            <RelativeTime iso={entry.createdAt} />
            {entry.private && (
              <span className="rounded bg-violet-50 px-1.5 py-0.5 font-medium text-violet-800" title={t("privateHint")} data-testid="entry-private">
                <span aria-hidden>🔒 </span>
                {t("private")}
              </span>
            )}
            {entry.pending && (
              <span className="rounded bg-amber-50 px-1.5 py-0.5 font-medium text-amber-900" data-testid="entry-pending">
                {t("pending")}
              </span>
            )}
          </div>
        </div>
      </header>
      <div className="text-[15px] leading-relaxed text-stone-800">
        <RichText segments={entry.segments} />
      </div>
      {entry.reply && !replying && (
        <div className="mt-3 rounded-md border-l-4 border-brand-500 bg-stone-50 px-3 py-2 text-sm text-stone-800" data-testid="entry-reply">
          <p className="mb-1 text-xs font-semibold text-stone-600">
            {t("replyFrom", { name: ownerName })} · <RelativeTime iso={entry.reply.at} />
          </p>
          <RichText segments={entry.reply.segments} />
        </div>
      )}
      {replying && (
        <ReplyForm
          entry={entry}
          onCancel={() => setReplying(false)}
          onSaved={(next) => {
            setReplying(false);
            onChanged(next);
          }}
        />
      )}
      {(entry.canApprove || entry.canReply || entry.canDelete) && !replying && (
        <footer className="mt-3 flex flex-wrap items-center gap-2 border-t border-stone-100 pt-2">
          {entry.canApprove && (
            <Button onClick={approve} pending={approving} disabled={busy}>
              {t("approve")}
            </Button>
          )}
          {entry.canReply && (
            <Button variant="secondary" onClick={() => setReplying(true)} disabled={busy}>
              {entry.reply ? t("editReply") : t("reply")}
            </Button>
          )}
          {entry.canDelete && (
            <Button variant="ghost" onClick={remove} pending={deleting} disabled={busy} className="ml-auto">
              {t("delete")}
            </Button>
          )}
        </footer>
      )}
      {error && (
        <p className="mt-2 text-sm text-red-700" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
