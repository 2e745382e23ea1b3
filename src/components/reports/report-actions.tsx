"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { dismissReportAction, removeReportedItemAction } from "@/actions/report-actions";
import { Button } from "@/components/ui/button";

/**
 * Dismiss / Remove item for one report. Each is recorded on the server (status,
 * when, by whom) and is idempotent there, so a double-click does it once; the
 * row then says what was done instead of offering the buttons again.
 */
export function ReportActions({ reportId, canRemove }: { reportId: string; canRemove: boolean }) {
  const t = useTranslations("admin");
  const te = useTranslations("errors");
  const [busy, setBusy] = useState<"dismiss" | "remove" | null>(null);
  const [result, setResult] = useState<"dismissed" | "actioned" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const run = (which: "dismiss" | "remove") => {
    if (pending) return;
    if (which === "remove" && !window.confirm(t("confirmRemove"))) return;
    setBusy(which);
    startTransition(async () => {
      const res = which === "dismiss" ? await dismissReportAction({ reportId }) : await removeReportedItemAction({ reportId });
      if (res.ok) {
        setError(null);
        setResult(res.data.status === "open" ? null : res.data.status);
      } else setError(te(res.error));
    });
  };

  if (result) {
    return (
      <p role="status" className="mt-3 text-sm font-medium text-stone-700">
        {t(result)}
      </p>
    );
  }
  return (
    <div className="mt-3 flex flex-wrap items-center gap-2">
      <Button variant="secondary" pending={pending && busy === "dismiss"} disabled={pending} onClick={() => run("dismiss")}>
        {t("dismiss")}
      </Button>
      {canRemove && (
        <Button variant="danger" pending={pending && busy === "remove"} disabled={pending} onClick={() => run("remove")}>
          {t("remove")}
        </Button>
      )}
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
