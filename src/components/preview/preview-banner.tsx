"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { exitPreviewAction } from "@/actions/preview-actions";
import { Button } from "@/components/ui/button";

export type PreviewLabel = { as: "stranger" } | { as: "friend" } | { as: "group"; groupName: string };

/** Shown on every page of the space while its owner previews it as someone else. */
export function PreviewBanner({ preview }: { preview: PreviewLabel }) {
  const t = useTranslations("preview");
  const te = useTranslations("errors");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const who = preview.as === "group" ? t("whoGroup", { name: preview.groupName }) : preview.as === "friend" ? t("whoFriend") : t("whoStranger");

  const exit = () =>
    startTransition(async () => {
      const res = await exitPreviewAction({});
      if (!res.ok) return setError(te(res.error));
      router.refresh();
    });

  return (
    <div role="status" data-testid="preview-banner" className="mb-4 flex flex-wrap items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p className="min-w-0 flex-1">{t("banner", { who })}</p>
      <Button variant="secondary" pending={pending} onClick={exit}>
        {t("exit")}
      </Button>
      {error && <p role="alert" className="w-full text-red-700">{error}</p>}
    </div>
  );
}
