"use client";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";

/**
 * The panel's frame: title and summary always shown; the body is collapsed
 * on phones until opened (it would push the space's content down), always
 * open from the sm breakpoint up.
 */
export function VisitorsDisclosure({ title, summary, children }: { title: string; summary?: string; children?: React.ReactNode }) {
  const t = useTranslations("visitors");
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <section aria-labelledby={`${id}-h`} className="mb-4 rounded-lg border border-stone-200 bg-white p-4 shadow-sm" data-testid="visitors-panel">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h2 id={`${id}-h`} className="font-medium">
          {title}
        </h2>
        {summary && (
          <p className="order-last w-full text-sm text-stone-600 sm:order-none sm:w-auto sm:min-w-0 sm:flex-1" data-testid="visitors-summary">
            {summary}
          </p>
        )}
        {children && (
          <button
            type="button"
            aria-expanded={open}
            aria-controls={`${id}-body`}
            onClick={() => setOpen((o) => !o)}
            className="ml-auto min-h-9 rounded-md px-2 text-sm text-stone-600 hover:bg-stone-100 sm:hidden"
          >
            {open ? t("hide") : t("show")}
          </button>
        )}
      </div>
      {children && (
        <div id={`${id}-body`} className={open ? "mt-3" : "mt-3 hidden sm:block"}>
          {children}
        </div>
      )}
    </section>
  );
}
