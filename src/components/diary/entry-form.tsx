"use client";
import { useId, useRef, useState, useTransition } from "react";
import { useTimeZone, useTranslations } from "next-intl";
import { createDiaryEntryAction, updateDiaryEntryAction } from "@/actions/diary-actions";
import { audienceValue, toChoice, type AudienceValue } from "@/lib/audience-choice";
import { DIARY_BODY_MAX, type Mood, type Weather } from "@/lib/diary";
import { charLength } from "@/lib/limits";
import type { PostView } from "@/server/presenters/post";
import { AudiencePicker } from "@/components/posts/audience-picker";
import { Button } from "@/components/ui/button";
import { MoodPicker } from "./mood-picker";
import { WeatherPicker } from "./weather-picker";

export type EntryDraft = { entryDate: string; title: string; body: string; mood: Mood | null; weather: Weather | null };

const FIELDS = new Set(["entryDate", "title", "body", "mood", "weather"]);

/** Errors next to the fields shown; any other (time zone, audience...) above the buttons. */
function placeErrors(error: string, fieldErrors?: Record<string, string>): Record<string, string> {
  if (!fieldErrors) return { _form: error };
  const out: Record<string, string> = {};
  for (const [field, key] of Object.entries(fieldErrors)) {
    if (FIELDS.has(field)) out[field] = key;
    else out._form ??= key;
  }
  return out;
}

const box = (error?: string) =>
  `block w-full rounded-md border px-3 py-2 text-base outline-none focus:ring-2 focus:ring-brand-500 ${error ? "border-red-500" : "border-stone-300"}`;

/**
 * Writes a new entry (postId absent) or edits one. A new entry is only-me
 * unless the writer picks otherwise, and carries a client-generated key so a
 * double-click or a retry writes one entry. `today` (in the writer's zone)
 * is the default date and the latest one the picker offers; the server
 * refuses later ones too.
 */
export function EntryForm({
  today,
  postId,
  initial,
  onSaved,
  onCancel,
}: {
  today: string;
  postId?: string;
  initial?: EntryDraft;
  onSaved: (entry: PostView) => void;
  onCancel?: () => void;
}) {
  const t = useTranslations("diary.form");
  const te = useTranslations("errors");
  const timeZone = useTimeZone();
  const id = useId();
  const [draft, setDraft] = useState<EntryDraft>(initial ?? { entryDate: today, title: "", body: "", mood: null, weather: null });
  const [audience, setAudience] = useState<AudienceValue>(() => audienceValue("ONLY_ME"));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const clientKey = useRef<string>(crypto.randomUUID());
  const set = <K extends keyof EntryDraft>(key: K, value: EntryDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const length = charLength(draft.body);
  const err = (field: string) => (errors[field] ? te(errors[field]!) : undefined);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (pending) return;
    const fields = { ...draft, mood: draft.mood ?? "", weather: draft.weather ?? "", timeZone };
    startTransition(async () => {
      const res = postId
        ? await updateDiaryEntryAction({ postId, ...fields })
        : await createDiaryEntryAction({ ...fields, ...toChoice(audience), clientKey: clientKey.current });
      if (!res.ok) {
        setErrors(placeErrors(res.error, res.fieldErrors));
        return;
      }
      setErrors({});
      if (!postId) {
        setDraft({ entryDate: today, title: "", body: "", mood: null, weather: null });
        setAudience(audienceValue("ONLY_ME"));
        clientKey.current = crypto.randomUUID();
      }
      onSaved(res.data);
    });
  };

  const described = (field: string, extra?: string) => [errors[field] ? `${id}-${field}-error` : null, extra].filter(Boolean).join(" ") || undefined;
  const fieldError = (field: string) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="text-sm text-red-700">
        {err(field)}
      </p>
    ) : null;

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-busy={pending || undefined}>
      <div className="grid gap-4 sm:grid-cols-[auto_1fr]">
        <div className="space-y-1">
          <label htmlFor={`${id}-date`} className="block text-sm font-medium text-stone-700">
            {t("date")}
          </label>
          <input
            id={`${id}-date`}
            type="date"
            required
            max={today}
            value={draft.entryDate}
            onChange={(e) => set("entryDate", e.target.value)}
            aria-invalid={errors.entryDate ? true : undefined}
            aria-describedby={described("entryDate")}
            className={box(errors.entryDate)}
          />
          {fieldError("entryDate")}
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-title`} className="block text-sm font-medium text-stone-700">
            {t("title")}
          </label>
          <input
            id={`${id}-title`}
            type="text"
            value={draft.title}
            onChange={(e) => set("title", e.target.value)}
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={described("title")}
            className={box(errors.title)}
          />
          {fieldError("title")}
        </div>
      </div>
      <MoodPicker value={draft.mood} onChange={(m) => set("mood", m)} error={err("mood")} disabled={pending} />
      <WeatherPicker value={draft.weather} onChange={(w) => set("weather", w)} error={err("weather")} disabled={pending} />
      <div className="space-y-1">
        <label htmlFor={`${id}-body`} className="block text-sm font-medium text-stone-700">
          {t("body")}
        </label>
        <textarea
          id={`${id}-body`}
          rows={6}
          value={draft.body}
          placeholder={t("bodyPlaceholder")}
          onChange={(e) => set("body", e.target.value)}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={described("body", `${id}-count`)}
          className={`${box(errors.body)} resize-y`}
        />
        <div className="flex items-start gap-2">
          <div className="flex-1">{fieldError("body")}</div>
          <span id={`${id}-count`} className={`text-xs ${length > DIARY_BODY_MAX ? "font-semibold text-red-700" : "text-stone-500"}`}>
            {t("count", { count: length, max: DIARY_BODY_MAX })}
          </span>
        </div>
      </div>
      {errors._form && (
        <p className="text-sm text-red-700" role="alert">
          {te(errors._form)}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        {!postId && (
          <div className={`flex flex-wrap items-center gap-2 ${audience.audience === "CUSTOM" ? "basis-full" : ""}`}>
            <AudiencePicker id={`${id}-audience`} label={t("audience")} value={audience} onChange={setAudience} disabled={pending} />
            <span className="text-xs text-stone-500">{t("privateHint")}</span>
          </div>
        )}
        <div className="ml-auto flex gap-2">
          {onCancel && (
            <Button type="button" variant="ghost" onClick={onCancel} disabled={pending}>
              {t("cancel")}
            </Button>
          )}
          <Button type="submit" pending={pending}>
            {postId ? t("saveChanges") : t("save")}
          </Button>
        </div>
      </div>
    </form>
  );
}
