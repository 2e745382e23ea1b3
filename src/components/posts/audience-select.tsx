"use client";
import { useTranslations } from "next-intl";
import { AUDIENCES, type Audience } from "@/lib/audiences";

export function AudienceSelect({ id, value, onChange, disabled, label }: { id: string; value: Audience; onChange: (a: Audience) => void; disabled?: boolean; label: string }) {
  const t = useTranslations("audience");
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value as Audience)}
        className="rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm"
      >
        {AUDIENCES.map((a) => (
          <option key={a} value={a}>
            {t(a)}
          </option>
        ))}
      </select>
    </>
  );
}
