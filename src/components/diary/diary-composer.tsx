"use client";
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { monthOf } from "@/lib/diary";
import { Button } from "@/components/ui/button";
import { EntryForm } from "./entry-form";

/**
 * The owner's "Write in diary" on the diary tab, folded away until asked
 * for. After saving, the tab shows the month of the new entry's date (the
 * calendar and list are server-rendered, so they are fetched again).
 */
export function DiaryComposer({ handle, month, today }: { handle: string; month: string; today: string }) {
  const t = useTranslations("diary");
  const router = useRouter();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);

  const close = () => {
    setOpen(false);
    document.getElementById(`${formId}-toggle`)?.focus();
  };

  return (
    <section className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          id={`${formId}-toggle`}
          type="button"
          variant={open ? "secondary" : "primary"}
          aria-expanded={open}
          aria-controls={formId}
          onClick={() => {
            setSaved(false);
            setOpen((o) => !o);
          }}
        >
          <span aria-hidden>✎</span>
          {t("write")}
        </Button>
        <p role="status" className="text-sm text-emerald-700">
          {saved ? t("saved") : ""}
        </p>
      </div>
      <div id={formId} hidden={!open} className="mt-4">
        {open && (
          <EntryForm
            today={today}
            onCancel={close}
            onSaved={(entry) => {
              close();
              setSaved(true);
              const target = entry.attachment?.kind === "diary" ? monthOf(entry.attachment.date) : month;
              if (target === month) router.refresh();
              else router.push(`/u/${handle}/diary?month=${target}`);
            }}
          />
        )}
      </div>
    </section>
  );
}
