"use client";
import { useTranslations } from "next-intl";
import { WEATHER_EMOJI, WEATHERS, type Weather } from "@/lib/diary";
import { ChoicePicker } from "./choice-picker";

export function WeatherPicker({ value, onChange, error, disabled }: { value: Weather | null; onChange: (w: Weather | null) => void; error?: string; disabled?: boolean }) {
  const t = useTranslations("diary");
  return (
    <ChoicePicker
      legend={t("form.weather")}
      noneLabel={t("form.none")}
      choices={WEATHERS.map((key) => ({ key, emoji: WEATHER_EMOJI[key], label: t(`weather.${key}`) }))}
      value={value}
      onChange={onChange}
      error={error}
      disabled={disabled}
    />
  );
}
