"use client";
import { useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { Audience } from "@/lib/audiences";
import { audienceFieldError, audienceValue, toChoice, type AudienceValue } from "@/lib/audience-choice";
import { charLength } from "@/lib/limits";
import { ALBUM_DESCRIPTION_MAX, ALBUM_TITLE_MAX } from "@/lib/validation/album";
import type { ActionResult } from "@/server/http/to-result";
import type { AlbumView } from "@/server/albums/album-types";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { AudiencePicker } from "@/components/posts/audience-picker";

/** With CUSTOM, the chosen groups and friends too (sent only then). */
export type AlbumFields = { title: string; description: string; audience: Audience; audienceGroupIds?: number[]; audienceUserIds?: number[] };

/**
 * An album's title, description and audience, for creating one and for
 * editing it. The caller supplies the action (create carries a clientKey so a
 * double submit makes one album); errors show next to their field.
 */
export function AlbumForm({
  initial,
  submitLabel,
  onSubmit,
  onDone,
  onCancel,
  idPrefix,
}: {
  initial?: AlbumFields;
  submitLabel: string;
  onSubmit: (fields: AlbumFields) => Promise<ActionResult<AlbumView>>;
  onDone: (album: AlbumView) => void;
  onCancel?: () => void;
  idPrefix: string;
}) {
  const t = useTranslations("albums");
  const te = useTranslations("errors");
  const [title, setTitle] = useState(initial?.title ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [audience, setAudience] = useState<AudienceValue>(() => audienceValue(initial?.audience ?? "FRIENDS", initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const submitting = useRef(false);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (submitting.current) return;
    submitting.current = true;
    startTransition(async () => {
      const res = await onSubmit({ title, description, ...toChoice(audience) });
      submitting.current = false;
      if (res.ok) {
        setErrors({});
        onDone(res.data);
      } else setErrors(res.fieldErrors ?? { _form: res.error });
    });
  };
  const err = (k: string) => (errors[k] ? te(errors[k]!) : undefined);
  const descId = `${idPrefix}-description`;
  const audId = `${idPrefix}-audience`;
  const audienceError = audienceFieldError(errors);
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <Field
        label={t("titleLabel")}
        name={`${idPrefix}-title`}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        required
        maxLength={ALBUM_TITLE_MAX * 2}
        error={err("title")}
        hint={`${charLength(title)} / ${ALBUM_TITLE_MAX}`}
      />
      <div className="space-y-1">
        <label htmlFor={descId} className="block text-sm font-medium text-stone-700">
          {t("descriptionLabel")}
        </label>
        <textarea
          id={descId}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          rows={3}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={`${descId}-note`}
          className={`block w-full resize-y rounded-md border px-3 py-2 text-base outline-none focus:ring-2 focus:ring-brand-500 ${errors.description ? "border-red-500" : "border-stone-300"}`}
        />
        <p id={`${descId}-note`} className={`text-xs ${errors.description ? "text-sm text-red-700" : "text-stone-500"}`}>
          {err("description") ?? `${t("descriptionHint")} · ${charLength(description)} / ${ALBUM_DESCRIPTION_MAX}`}
        </p>
      </div>
      <div className="space-y-1">
        <AudiencePicker id={audId} label={t("audienceLabel")} labelVisible value={audience} onChange={setAudience} disabled={pending} error={audienceError ? te(audienceError) : null} />
        <p id={`${audId}-hint`} className="text-xs text-stone-500">
          {t("audienceHint")}
        </p>
      </div>
      {errors._form && (
        <p className="text-sm text-red-700" role="alert">
          {te(errors._form)}
        </p>
      )}
      <div className="flex items-center gap-2">
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button type="button" variant="ghost" onClick={onCancel} disabled={pending}>
            {t("cancel")}
          </Button>
        )}
      </div>
    </form>
  );
}
