"use client";
import { useTranslations } from "next-intl";
import { TextAreaField, TextField } from "./form-fields";

export type TrackFieldValues = { title: string; artist: string; album: string; description: string };

/** A song's editable details: the same fields when publishing and when editing. */
export function TrackFields({
  fields,
  onChange,
  errors,
}: {
  fields: TrackFieldValues;
  onChange: (k: keyof TrackFieldValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  errors: Record<string, string>;
}) {
  const t = useTranslations("music");
  return (
    <>
      <TextField label={t("title")} name="title" value={fields.title} onChange={onChange("title")} required error={errors.title} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t("artist")} name="artist" value={fields.artist} onChange={onChange("artist")} error={errors.artist} />
        <TextField label={t("album")} name="album" value={fields.album} onChange={onChange("album")} error={errors.album} />
      </div>
      <TextAreaField label={t("description")} name="description" value={fields.description} onChange={onChange("description")} error={errors.description} />
    </>
  );
}
