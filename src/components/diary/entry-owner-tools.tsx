"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { deleteDiaryEntryAction, setDiaryAudienceAction } from "@/actions/diary-actions";
import type { Audience } from "@/lib/audiences";
import { audienceValue, toChoice } from "@/lib/audience-choice";
import type { ChosenAudience } from "@/server/groups/group-types";
import { monthOf } from "@/lib/diary";
import { AudienceChanger } from "@/components/posts/audience-changer";
import { Button } from "@/components/ui/button";
import { EntryForm, type EntryDraft } from "./entry-form";

/**
 * The author's controls on an entry's page: who may read it (widening is an
 * explicit choice here; the feed delivery follows), edit, delete.
 */
export function EntryOwnerTools({
  handle,
  postId,
  audience: initialAudience,
  chosen,
  draft,
  today,
}: {
  handle: string;
  postId: string;
  audience: Audience;
  /** With CUSTOM: whom it is shown to (the entry's presenter fills it for its author). */
  chosen?: ChosenAudience | null;
  draft: EntryDraft;
  today: string;
}) {
  const t = useTranslations("diary.entry");
  const tf = useTranslations("diary.form");
  const te = useTranslations("errors");
  const router = useRouter();
  // What the server has confirmed (the select moves at once, the hint when it is saved).
  const [confirmed, setConfirmed] = useState<Audience>(initialAudience);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const remove = () => {
    if (!window.confirm(t("confirmDelete"))) return;
    startTransition(async () => {
      const res = await deleteDiaryEntryAction({ postId });
      if (res.ok) router.push(`/u/${handle}/diary?month=${monthOf(draft.entryDate)}`);
      else setError(te(res.error));
    });
  };

  return (
    <section className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <AudienceChanger
          id={`entry-audience-${postId}`}
          label={tf("audience")}
          initial={audienceValue(initialAudience, chosen)}
          save={(v) => setDiaryAudienceAction({ postId, ...toChoice(v) })}
          onSaved={(v) => setConfirmed(v.audience)}
        />
        <p role="status" className="text-sm text-stone-600" data-testid="entry-audience-hint">
          {t(`audienceHint.${confirmed}`)}
        </p>
        <div className="ml-auto flex gap-2">
          <Button variant="secondary" onClick={() => setEditing((e) => !e)} aria-expanded={editing} disabled={pending}>
            {t("edit")}
          </Button>
          <Button variant="danger" onClick={remove} pending={pending}>
            {t("delete")}
          </Button>
        </div>
      </div>
      {error && (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      )}
      {editing && (
        <EntryForm
          today={today}
          postId={postId}
          initial={draft}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            router.refresh();
          }}
        />
      )}
    </section>
  );
}
