"use client";
import { useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { createPostAction } from "@/actions/post-actions";
import { audienceFieldError, audienceValue, toChoice, type AudienceValue } from "@/lib/audience-choice";
import { charLength, POST_MAX_CHARS } from "@/lib/limits";
import type { PostView } from "@/server/presenters/post";
import { Button } from "@/components/ui/button";
import { AudiencePicker } from "./audience-picker";
import { MentionTextarea } from "@/components/mentions/mention-textarea";

/**
 * Writes a status post. Each draft carries a client-generated key: a
 * double-click or a retry after a network error creates one post, not two.
 */
export function Composer({ onPosted }: { onPosted: (post: PostView) => void }) {
  const t = useTranslations("composer");
  const te = useTranslations("errors");
  const [body, setBody] = useState("");
  const [audience, setAudience] = useState<AudienceValue>(() => audienceValue("FRIENDS"));
  const [error, setError] = useState<string | null>(null);
  const [audienceError, setAudienceError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const clientKey = useRef<string>(crypto.randomUUID());
  const length = charLength(body);
  const over = length > POST_MAX_CHARS;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (pending) return;
    startTransition(async () => {
      const res = await createPostAction({ body, ...toChoice(audience), clientKey: clientKey.current });
      if (res.ok) {
        onPosted(res.data);
        setBody("");
        setError(null);
        setAudienceError(null);
        clientKey.current = crypto.randomUUID();
      } else {
        // An audience problem (no one chosen, a stale group) shows under the picker, not as the text's error.
        const aud = audienceFieldError(res.fieldErrors);
        setAudienceError(aud ? te(aud) : null);
        setError(aud && !res.fieldErrors?.body ? null : te(res.fieldErrors?.body ?? res.error));
      }
    });
  };

  return (
    <form onSubmit={submit} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm" noValidate>
      <label htmlFor="composer-body" className="sr-only">
        {t("label")}
      </label>
      <MentionTextarea
        id="composer-body"
        name="body"
        value={body}
        onChange={(e) => setBody(e.target.value)}
        placeholder={t("placeholder")}
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby="composer-error composer-count"
        className="block w-full resize-y rounded-md border border-stone-300 p-3 text-base outline-none focus:ring-2 focus:ring-brand-500"
      />
      {error && (
        <p id="composer-error" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <AudiencePicker id="composer-audience" label={t("audienceLabel")} value={audience} onChange={setAudience} disabled={pending} error={audienceError} />
        <span id="composer-count" className={`ml-auto text-xs ${over ? "font-semibold text-red-700" : "text-stone-500"}`}>
          {length} / {POST_MAX_CHARS}
        </span>
        <Button type="submit" pending={pending}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
