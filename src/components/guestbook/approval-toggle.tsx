"use client";
import { useId, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { setGuestbookApprovalAction } from "@/actions/guestbook-actions";

/** The owner's "require approval" switch, on the guestbook tab itself. */
export function ApprovalToggle({ initial }: { initial: boolean }) {
  const t = useTranslations("guestbook.approval");
  const te = useTranslations("errors");
  const id = useId();
  const [enabled, setEnabled] = useState(initial);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const change = (next: boolean) => {
    setEnabled(next);
    startTransition(async () => {
      const res = await setGuestbookApprovalAction({ enabled: next });
      if (res.ok) {
        setError(null);
        setEnabled(res.data.enabled);
        setStatus(res.data.enabled ? t("on") : t("off"));
      } else {
        setEnabled(!next);
        setStatus("");
        setError(te(res.error));
      }
    });
  };

  return (
    <div className="rounded-lg border border-stone-200 bg-white px-4 py-3 shadow-sm">
      <label className="flex items-center gap-2 text-sm font-medium text-stone-800">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(e) => change(e.target.checked)}
          disabled={pending}
          aria-busy={pending || undefined}
          aria-describedby={`${id}-hint`}
          className="h-4 w-4 accent-brand-600"
        />
        {t("label")}
      </label>
      <p id={`${id}-hint`} className="mt-1 text-xs text-stone-500">
        {t("hint")}
      </p>
      <p role="status" className="text-xs text-emerald-700">
        {status}
      </p>
      {error && (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
