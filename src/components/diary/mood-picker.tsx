"use client";
import { useTranslations } from "next-intl";
import { MOOD_EMOJI, MOODS, type Mood } from "@/lib/diary";
import { ChoicePicker } from "./choice-picker";

export function MoodPicker({ value, onChange, error, disabled }: { value: Mood | null; onChange: (m: Mood | null) => void; error?: string; disabled?: boolean }) {
  const t = useTranslations("diary");
  return (
    <ChoicePicker
      legend={t("form.mood")}
      noneLabel={t("form.none")}
      choices={MOODS.map((key) => ({ key, emoji: MOOD_EMOJI[key], label: t(`mood.${key}`) }))}
      value={value}
      onChange={onChange}
      error={error}
      disabled={disabled}
    />
  );
}
