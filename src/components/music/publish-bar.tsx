"use client";
import type { AudienceValue } from "@/lib/audience-choice";
import { AudiencePicker } from "@/components/posts/audience-picker";
import { Button } from "@/components/ui/button";

/** The foot of an uploaded song's or video's form: the form's error, who sees it, cancel, publish. */
export function PublishBar({
  id,
  labels,
  audience,
  onAudience,
  audienceError,
  onCancel,
  pending,
  formError,
}: {
  id: string;
  labels: { audience: string; cancel: string; publish: string };
  audience: AudienceValue;
  onAudience: (a: AudienceValue) => void;
  /** The audience's own error (translated), shown under the picker. */
  audienceError?: string | null;
  onCancel: () => void;
  pending: boolean;
  formError: string | null;
}) {
  return (
    <>
      {formError && (
        <p role="alert" className="text-sm text-red-700">
          {formError}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <AudiencePicker id={`${id}-audience`} label={labels.audience} value={audience} onChange={onAudience} disabled={pending} error={audienceError} />
        <Button type="button" variant="ghost" onClick={onCancel} disabled={pending} className="ml-auto">
          {labels.cancel}
        </Button>
        <Button type="submit" pending={pending}>
          {labels.publish}
        </Button>
      </div>
    </>
  );
}
