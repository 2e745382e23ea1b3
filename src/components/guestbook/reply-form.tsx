"use client";
import { useId, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { replyMessageAction } from "@/actions/guestbook-actions";
import type { GuestbookEntryView } from "@/server/guestbook/present-entry";
import { Button } from "@/components/ui/button";

/** The owner's reply to one message (new or edited in place). */
export function ReplyForm({ entry, onSaved, onCancel }: { entry: GuestbookEntryView; onSaved: (entry: GuestbookEntryView) => void; onCancel: () => void }) {
  const t = useTranslations("guestbook.entry");
  const te = useTranslations("errors");
  const id = useId();
  const [text, setText] = useState(entry.reply?.body ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (pending) return;
    startTransition(async () => {
      const res = await replyMessageAction({ entryId: entry.id, reply: text });
      if (res.ok) onSaved(res.data);
      else setError(te(res.fieldErrors?.reply ?? res.error));
    });
  };

  return (
    <form onSubmit={submit} className="mt-3 space-y-2" noValidate>
      <label htmlFor={`${id}-reply`} className="block text-sm font-medium text-stone-700">
        {t("replyLabel", { name: entry.author.displayName })}
      </label>
      <textarea
        id={`${id}-reply`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={2}
        // Opened by the owner's click on "Reply": the caret goes where they will type.
        autoFocus
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-error`}
        className="block w-full resize-y rounded-md border border-stone-300 p-2 text-base outline-none focus:ring-2 focus:ring-brand-500"
      />
      <p id={`${id}-error`} className="text-sm text-red-700" role={error ? "alert" : undefined}>
        {error}
      </p>
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="ghost" onClick={onCancel} disabled={pending}>
          {t("cancel")}
        </Button>
        <Button type="submit" pending={pending}>
          {t("saveReply")}
        </Button>
      </div>
    </form>
  );
}
