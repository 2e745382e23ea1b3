"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { audienceFieldError, type AudienceValue } from "@/lib/audience-choice";
import type { ActionResult } from "@/server/http/to-result";
import { useAudienceChoices } from "@/components/groups/use-audience-choices";
import { Button } from "@/components/ui/button";
import { AudiencePicker, chosenNames } from "./audience-picker";

/**
 * Changes an existing item's audience where the change applies at once (a
 * post card, a diary entry's tools). Everyone / Friends / Only me save as
 * soon as they are picked, as before; the custom choice opens the picker's
 * panel and saves with its own button, since it takes several clicks to
 * make. A failed save goes back to what the server has.
 */
export function AudienceChanger({
  id,
  label,
  initial,
  save,
  onSaved,
}: {
  id: string;
  label: string;
  initial: AudienceValue;
  save: (value: AudienceValue) => Promise<ActionResult<unknown>>;
  /** After the server confirmed: the value and, for CUSTOM, the chosen names (for a badge). */
  onSaved?: (value: AudienceValue, names: string[]) => void;
}) {
  const t = useTranslations("audiencePicker");
  const te = useTranslations("errors");
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState(initial);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const choices = useAudienceChoices(open);

  const commit = (next: AudienceValue) => {
    startTransition(async () => {
      const res = await save(next);
      if (res.ok) {
        setSaved(next);
        setDraft(next);
        setOpen(false);
        setError(null);
        onSaved?.(next, chosenNames(next, choices.status === "ready" ? choices.choices : null));
      } else {
        // A refused custom choice stays open to be fixed; anything else goes back.
        if (next.audience !== "CUSTOM") setDraft(saved);
        setError(te(audienceFieldError(res.fieldErrors) ?? res.error));
      }
    });
  };

  const cancel = () => {
    setDraft(saved);
    setOpen(false);
    setError(null);
  };

  const change = (next: AudienceValue) => {
    setDraft(next);
    if (next.audience === "CUSTOM") setOpen(true);
    else if (next.audience === saved.audience) cancel();
    else if (next.audience !== draft.audience) {
      setOpen(false);
      commit(next);
    }
  };

  return (
    <>
      <AudiencePicker id={id} label={label} value={draft} onChange={change} disabled={pending} error={error} panel={open && draft.audience === "CUSTOM"} choices={choices}>
        <div className="flex flex-wrap gap-2">
          <Button type="button" onClick={() => commit(draft)} pending={pending}>
            {t("save")}
          </Button>
          <Button type="button" variant="ghost" onClick={cancel} disabled={pending}>
            {t("cancel")}
          </Button>
        </div>
      </AudiencePicker>
      {saved.audience === "CUSTOM" && !open && (
        <Button type="button" variant="ghost" onClick={() => setOpen(true)} aria-controls={`${id}-custom`} aria-expanded={false}>
          {t("editChosen")}
        </Button>
      )}
    </>
  );
}
