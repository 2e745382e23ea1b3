"use client";
import type { Audience } from "@/lib/audiences";
import { AudienceSelect } from "@/components/posts/audience-select";
import { Button } from "@/components/ui/button";

/** The foot of an uploaded song's or video's form: the form's error, who sees it, cancel, publish. */
export function PublishBar({
  id,
  labels,
  audience,
  onAudience,
  onCancel,
  pending,
  formError,
}: {
  id: string;
  labels: { audience: string; cancel: string; publish: string };
  audience: Audience;
  onAudience: (a: Audience) => void;
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
        <AudienceSelect id={`${id}-audience`} label={labels.audience} value={audience} onChange={onAudience} disabled={pending} />
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
