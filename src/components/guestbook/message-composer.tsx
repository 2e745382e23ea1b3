"use client";
import { useId, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { leaveMessageAction } from "@/actions/guestbook-actions";
import { charLength } from "@/lib/limits";
import type { GuestbookEntryView } from "@/server/guestbook/present-entry";
import { Button } from "@/components/ui/button";
import { MentionTextarea } from "@/components/mentions/mention-textarea";

const MAX = 1000; // GUESTBOOK_MAX_CHARS; kept here so the zod schema stays out of the bundle

/**
 * Leaves a message. Each draft carries a client-generated key: a double-click
 * or a retry after a network error leaves one message, not two.
 */
export function MessageComposer({
  handle,
  ownerName,
  isOwner,
  approvalRequired,
  onPosted,
}: {
  handle: string;
  ownerName: string;
  isOwner: boolean;
  approvalRequired: boolean;
  onPosted: (entry: GuestbookEntryView) => void;
}) {
  const t = useTranslations("guestbook.composer");
  const te = useTranslations("errors");
  const id = useId();
  const [body, setBody] = useState("");
  const [isPrivate, setPrivate] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [pending, startTransition] = useTransition();
  const clientKey = useRef<string>(crypto.randomUUID());
  const length = charLength(body);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (pending) return;
    startTransition(async () => {
      const res = await leaveMessageAction({ handle, body, private: isPrivate, clientKey: clientKey.current });
      if (res.ok) {
        onPosted(res.data);
        setBody("");
        setPrivate(false);
        setError(null);
        setStatus(res.data.pending ? t("postedPending", { name: ownerName }) : t("posted"));
        clientKey.current = crypto.randomUUID();
      } else {
        setStatus("");
        setError(te(res.fieldErrors?.body ?? res.error));
      }
    });
  };

  return (
    <form onSubmit={submit} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm" noValidate>
      <label htmlFor={`${id}-body`} className="mb-1 block text-sm font-medium text-stone-700">
        {isOwner ? t("labelOwn") : t("label", { name: ownerName })}
      </label>
      <MentionTextarea
        id={`${id}-body`}
        name="body"
        value={body}
        onChange={(e) => setBody(e.target.value)}
        placeholder={t("placeholder")}
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-error ${id}-count`}
        className="block w-full resize-y rounded-md border border-stone-300 p-3 text-base outline-none focus:ring-2 focus:ring-brand-500"
      />
      <p id={`${id}-error`} className="mt-1 text-sm text-red-700" role={error ? "alert" : undefined}>
        {error}
      </p>
      {approvalRequired && !isOwner && <p className="mt-1 text-xs text-stone-500">{t("approvalHint", { name: ownerName })}</p>}
      <div className="mt-2 flex flex-wrap items-center gap-3">
        {/* On their own guestbook a private note would be the owner's alone: no switch. */}
        {!isOwner && (
          <label className="flex items-center gap-2 text-sm text-stone-700">
            <input type="checkbox" checked={isPrivate} onChange={(e) => setPrivate(e.target.checked)} disabled={pending} className="h-4 w-4 accent-brand-600" />
            {t("private", { name: ownerName })}
          </label>
        )}
        <span id={`${id}-count`} className={`ml-auto text-xs ${length > MAX ? "font-semibold text-red-700" : "text-stone-500"}`}>
          {length} / {MAX}
        </span>
        <Button type="submit" pending={pending}>
          {t("submit")}
        </Button>
      </div>
      <p role="status" className="mt-1 text-sm text-emerald-700">
        {status}
      </p>
    </form>
  );
}
