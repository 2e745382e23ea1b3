"use client";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { blockUserAction } from "@/actions/block-actions";
import { Button } from "@/components/ui/button";

/**
 * Confirms a block, saying what it does, in a modal <dialog> (focus starts on
 * Cancel, the safe choice; Esc closes). On success the viewer goes to the
 * blocked list in Settings, since the space they were on is now hidden from
 * them. Blocking is idempotent on the server, so a double-click is one block.
 */
export function BlockDialog({ userId, name, onClose }: { userId: number; name: string; onClose: () => void }) {
  const t = useTranslations("blocks");
  const te = useTranslations("errors");
  const id = useId();
  const router = useRouter();
  const ref = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // Stays pending through the navigation that follows a successful block.
  const [leaving, setLeaving] = useState(false);

  useEffect(() => {
    if (!ref.current?.open) ref.current?.showModal();
  }, []);

  const confirm = () => {
    if (pending || leaving) return;
    startTransition(async () => {
      const res = await blockUserAction({ userId });
      if (res.ok) {
        setLeaving(true);
        router.push("/settings#blocked");
      } else setError(te(res.error));
    });
  };

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      onCancel={(e) => (pending || leaving) && e.preventDefault()}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg bg-white p-0 text-stone-900 shadow-xl backdrop:bg-stone-900/40"
      data-testid="block-dialog"
    >
      <div className="space-y-3 px-4 py-4">
        <h2 id={`${id}-title`} className="text-base font-semibold">
          {t("blockTitle", { name })}
        </h2>
        <div id={`${id}-text`} className="text-sm text-stone-700">
          <p>{t("blockIntro")}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            <li>{t("blockEffectHidden")}</li>
            <li>{t("blockEffectTies")}</li>
            <li>{t("blockEffectContact")}</li>
            <li>{t("blockEffectQuiet")}</li>
          </ul>
        </div>
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
        <div className="flex flex-wrap justify-end gap-2">
          <Button autoFocus variant="secondary" onClick={() => ref.current?.close()} disabled={pending || leaving}>
            {t("cancel")}
          </Button>
          <Button variant="danger" onClick={confirm} pending={pending || leaving}>
            {t("confirmBlock", { name })}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
