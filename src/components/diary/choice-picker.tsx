"use client";
import { useId } from "react";

export type Choice<K extends string> = { key: K; emoji: string; label: string };

/**
 * One-of-a-list as radio chips (arrow keys move between them, as radios do),
 * with a "not set" choice first. The emoji is decoration; the label is the name.
 */
export function ChoicePicker<K extends string>({
  legend,
  noneLabel,
  choices,
  value,
  onChange,
  error,
  disabled,
}: {
  legend: string;
  noneLabel: string;
  choices: Choice<K>[];
  value: K | null;
  onChange: (v: K | null) => void;
  error?: string;
  disabled?: boolean;
}) {
  const name = useId();
  const errorId = `${name}-error`;
  const options: { key: K | null; emoji: string | null; label: string }[] = [{ key: null, emoji: null, label: noneLabel }, ...choices];
  return (
    <fieldset aria-describedby={error ? errorId : undefined} disabled={disabled} className="min-w-0">
      <legend className="mb-1 text-sm font-medium text-stone-700">{legend}</legend>
      <div className="flex flex-wrap gap-1.5">
        {options.map((o) => (
          <label
            key={o.key ?? ""}
            className="relative inline-flex min-h-9 cursor-pointer items-center gap-1 rounded-full border border-stone-300 bg-white px-3 text-sm text-stone-700 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:checked]:font-medium has-[:checked]:text-brand-800 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500"
          >
            {/* Transparent over the whole chip: the chip is the click target, the radio keeps keyboard and screen-reader behaviour. */}
            <input
              type="radio"
              name={name}
              value={o.key ?? ""}
              checked={value === o.key}
              onChange={() => onChange(o.key)}
              className="absolute inset-0 h-full w-full cursor-pointer appearance-none rounded-full opacity-0"
            />
            {o.emoji && <span aria-hidden>{o.emoji}</span>}
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
