"use client";
import { MentionTextarea } from "@/components/mentions/mention-textarea";
import { useEffect, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { createRepostAction } from "@/actions/repost-actions";
import { audienceFieldError, audienceValue, toChoice, type AudienceValue } from "@/lib/audience-choice";
import { charLength, POST_MAX_CHARS } from "@/lib/limits";
import type { PostView } from "@/server/presenters/post";
import { Button } from "@/components/ui/button";
import { AudiencePicker } from "@/components/posts/audience-picker";

/**
 * The repost form in a modal <dialog>: an optional comment, who sees the
 * repost, and submit (pending while it runs). Focus moves into the dialog;
 * Esc, Cancel and a click on the backdrop close it. The form keeps one client
 * key until a repost succeeds, so a double-click or a retry makes one repost.
 */
export function RepostDialog({ postId, onClose, onReposted }: { postId: string; onClose: () => void; onReposted: (repost: PostView) => void }) {
  const t = useTranslations("reposts");
  const te = useTranslations("errors");
  const ref = useRef<HTMLDialogElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const clientKey = useRef<string>(crypto.randomUUID());
  const [body, setBody] = useState("");
  const [audience, setAudience] = useState<AudienceValue>(() => audienceValue("FRIENDS"));
  const [error, setError] = useState<string | null>(null);
  const [audienceError, setAudienceError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const ids = { title: `repost-title-${postId}`, body: `repost-body-${postId}`, error: `repost-error-${postId}`, count: `repost-count-${postId}` };
  const length = charLength(body);

  useEffect(() => {
    if (!ref.current?.open) ref.current?.showModal();
    // After showModal (which focuses the first control, the close button): start in the comment.
    bodyRef.current?.focus();
  }, []);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (pending) return;
    startTransition(async () => {
      try {
        const res = await createRepostAction({ postId, body, ...toChoice(audience), clientKey: clientKey.current });
        if (res.ok) {
          clientKey.current = crypto.randomUUID();
          onReposted(res.data);
          ref.current?.close();
          return;
        }
        const field = audienceFieldError(res.fieldErrors);
        setAudienceError(field ? te(field) : null);
        setError(field ? null : te(res.fieldErrors?.body ?? res.error));
      } catch {
        setError(t("failed")); // network failure: the same key makes a retry safe
      }
    });
  };

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      onClick={(e) => e.target === ref.current && !pending && ref.current?.close()}
      aria-labelledby={ids.title}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg bg-white p-0 shadow-xl backdrop:bg-stone-900/40"
      data-testid="repost-dialog"
    >
      <form onSubmit={submit} noValidate className="space-y-3 p-4">
        <div className="flex items-center justify-between">
          <h2 id={ids.title} className="text-base font-semibold text-stone-900">
            {t("dialogTitle")}
          </h2>
          <Button type="button" variant="ghost" onClick={() => ref.current?.close()} aria-label={t("close")} className="!px-2" disabled={pending}>
            <span aria-hidden>×</span>
          </Button>
        </div>
        <div>
          <label htmlFor={ids.body} className="block text-sm font-medium text-stone-700">
            {t("commentLabel")}
          </label>
          <MentionTextarea
            id={ids.body}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            placeholder={t("commentPlaceholder")}
            ref={bodyRef}
            rows={3}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${ids.error} ${ids.count}`}
            className="mt-1 block w-full resize-y rounded-md border border-stone-300 p-2 text-base outline-none focus:ring-2 focus:ring-brand-500"
          />
          <p id={ids.count} className={`mt-1 text-right text-xs ${length > POST_MAX_CHARS ? "font-semibold text-red-700" : "text-stone-500"}`}>
            {length} / {POST_MAX_CHARS}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <AudiencePicker
            id={`repost-audience-${postId}`}
            label={t("audienceLabel")}
            labelVisible
            value={audience}
            onChange={(v) => {
              setAudience(v);
              setAudienceError(null);
            }}
            disabled={pending}
            error={audienceError}
          />
        </div>
        {error && (
          <p id={ids.error} role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2 border-t border-stone-100 pt-3">
          <Button type="button" variant="secondary" onClick={() => ref.current?.close()} disabled={pending}>
            {t("cancel")}
          </Button>
          <Button type="submit" pending={pending}>
            {t("submit")}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
