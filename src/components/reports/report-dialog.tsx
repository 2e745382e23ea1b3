"use client";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { reportItemAction, reportUserAction } from "@/actions/report-actions";
import { charLength } from "@/lib/limits";
import { REPORT_NOTE_MAX_CHARS, REPORT_REASONS, type ReportReason } from "@/lib/report-reasons";
import { Button } from "@/components/ui/button";

export type ReportTarget = { type: "item"; postId: string } | { type: "user"; userId: number; name: string };

/**
 * The report form in a modal <dialog>: a reason (radio group), an optional
 * note, send. Focus moves into it; Esc, Cancel or a click on the backdrop
 * close it. Sending twice (a double-click, a retry) files one report: the
 * button is pending while it runs and the server keeps one open report per
 * reporter and target. After sending, it says so and offers Close.
 */
export function ReportDialog({ target, onClose }: { target: ReportTarget; onClose: () => void }) {
  const t = useTranslations("reports");
  const te = useTranslations("errors");
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<{ reason?: string; note?: string; form?: string }>({});
  const [done, setDone] = useState<"sent" | "alreadySent" | null>(null);
  const [pending, startTransition] = useTransition();
  // Set synchronously, so a second click before React re-renders sends nothing.
  const inFlight = useRef(false);
  const noteLength = charLength(note);

  useEffect(() => {
    if (!ref.current?.open) ref.current?.showModal();
  }, []);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (pending || inFlight.current) return;
    // Said at once, without a round trip; the server checks the same rules.
    if (!reason) return setErrors({ reason: te("reportReasonRequired") });
    if (noteLength > REPORT_NOTE_MAX_CHARS) return setErrors({ note: te("reportNoteTooLong") });
    inFlight.current = true;
    startTransition(async () => {
      const res = target.type === "item" ? await reportItemAction({ postId: target.postId, reason, note }) : await reportUserAction({ userId: target.userId, reason, note });
      if (res.ok) {
        setErrors({});
        setDone(res.data.alreadyReported ? "alreadySent" : "sent");
      } else {
        const f = res.fieldErrors ?? {};
        setErrors({ reason: f.reason && te(f.reason), note: f.note && te(f.note), form: f.reason || f.note ? undefined : te(res.error) });
      }
      inFlight.current = false;
    });
  };

  const title = target.type === "item" ? t("titleItem") : t("titleUser", { name: target.name });
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      onClick={(e) => e.target === ref.current && ref.current?.close()}
      aria-labelledby={`${id}-title`}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg bg-white p-0 text-stone-900 shadow-xl backdrop:bg-stone-900/40"
      data-testid="report-dialog"
    >
      <div className="border-b border-stone-100 px-4 py-3">
        <h2 id={`${id}-title`} className="text-base font-semibold">
          {title}
        </h2>
      </div>
      {done ? (
        <div className="space-y-4 px-4 py-4">
          <p role="status" className="text-sm text-stone-700">
            {t(done)}
          </p>
          <div className="flex justify-end">
            <Button autoFocus onClick={() => ref.current?.close()}>
              {t("close")}
            </Button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="space-y-4 px-4 py-4">
          <fieldset aria-describedby={errors.reason ? `${id}-reason-error` : undefined}>
            <legend className="mb-2 text-sm font-medium text-stone-700">{t("reasonLabel")}</legend>
            <div className="space-y-1">
              {REPORT_REASONS.map((r) => (
                <label key={r} className="flex min-h-9 cursor-pointer items-center gap-2 rounded px-1 text-sm hover:bg-stone-50">
                  <input
                    type="radio"
                    name={`${id}-reason`}
                    value={r}
                    checked={reason === r}
                    onChange={() => {
                      setReason(r);
                      setErrors((x) => ({ ...x, reason: undefined }));
                    }}
                    className="h-4 w-4 accent-brand-600"
                  />
                  {t(`reason.${r}`)}
                </label>
              ))}
            </div>
            {errors.reason && (
              <p id={`${id}-reason-error`} className="mt-1 text-sm text-red-700">
                {errors.reason}
              </p>
            )}
          </fieldset>
          <div className="space-y-1">
            <label htmlFor={`${id}-note`} className="block text-sm font-medium text-stone-700">
              {t("noteLabel")}
            </label>
            <textarea
              id={`${id}-note`}
              value={note}
              rows={3}
              onChange={(e) => {
                setNote(e.target.value);
                setErrors((x) => ({ ...x, note: undefined }));
              }}
              aria-invalid={errors.note ? true : undefined}
              aria-describedby={`${id}-note-count${errors.note ? ` ${id}-note-error` : ""}`}
              className={`block w-full rounded-md border px-3 py-2 text-base outline-none focus:ring-2 focus:ring-brand-500 ${errors.note ? "border-red-500" : "border-stone-300"}`}
            />
            <p id={`${id}-note-count`} className={`text-right text-xs ${noteLength > REPORT_NOTE_MAX_CHARS ? "text-red-700" : "text-stone-500"}`}>
              {t("noteCount", { count: noteLength, max: REPORT_NOTE_MAX_CHARS })}
            </p>
            {errors.note && (
              <p id={`${id}-note-error`} className="text-sm text-red-700">
                {errors.note}
              </p>
            )}
          </div>
          <p className="text-xs text-stone-500">{t("privacyNote")}</p>
          {errors.form && (
            <p role="alert" className="text-sm text-red-700">
              {errors.form}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => ref.current?.close()}>
              {t("cancel")}
            </Button>
            <Button type="submit" pending={pending}>
              {t("submit")}
            </Button>
          </div>
        </form>
      )}
    </dialog>
  );
}
