"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { setFootprintsAction } from "@/actions/visitor-actions";

/** The "visit without leaving footprints" checkbox: saved at once, with its pending and saved state. */
export function FootprintsToggle({ initial }: { initial: boolean }) {
  const t = useTranslations("visitors");
  const te = useTranslations("errors");
  const [hide, setHide] = useState(initial);
  const [status, setStatus] = useState<{ saved: true } | { error: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const change = (next: boolean) => {
    setHide(next);
    setStatus(null);
    startTransition(async () => {
      const res = await setFootprintsAction({ hide: next });
      if (res.ok) return setStatus({ saved: true });
      setHide(!next);
      setStatus({ error: te(res.error) });
    });
  };

  return (
    <div className="space-y-1">
      <div className="flex items-start gap-3">
        <input
          id="footprints-hide"
          type="checkbox"
          checked={hide}
          disabled={pending}
          aria-busy={pending || undefined}
          aria-describedby="footprints-hint"
          onChange={(e) => change(e.currentTarget.checked)}
          className="mt-0.5 h-5 w-5 shrink-0 accent-brand-600 disabled:opacity-60"
        />
        <div className="min-w-0">
          <label htmlFor="footprints-hide" className="text-sm font-medium text-stone-800">
            {t("footprintsLabel")}
          </label>
          <p id="footprints-hint" className="text-sm text-stone-600">
            {t("footprintsHint")}
          </p>
        </div>
      </div>
      <p role="status" aria-live="polite" className="min-h-5 pl-8 text-sm">
        {pending ? (
          <span className="text-stone-500">{t("saving")}</span>
        ) : status && "saved" in status ? (
          <span className="text-emerald-700">{t("saved")}</span>
        ) : status ? (
          <span className="text-red-700">{status.error}</span>
        ) : null}
      </p>
    </div>
  );
}
