"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { startPreviewAction } from "@/actions/preview-actions";
import { Button } from "@/components/ui/button";

/** The owner's "View my space as ..." control: pick who, then the space re-renders with that access. */
export function ViewAsMenu({ groups }: { groups: { id: number; name: string }[] }) {
  const t = useTranslations("preview");
  const te = useTranslations("errors");
  const router = useRouter();
  const [choice, setChoice] = useState("stranger");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const start = () => {
    setError(null);
    const input = choice.startsWith("group:") ? { as: "group" as const, groupId: Number(choice.slice(6)) } : { as: choice as "stranger" | "friend" };
    startTransition(async () => {
      const res = await startPreviewAction(input);
      if (!res.ok) return setError(te(res.error));
      router.refresh();
    });
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor="view-as" className="text-sm text-stone-600">
        {t("viewAs")}
      </label>
      <select id="view-as" value={choice} onChange={(e) => setChoice(e.target.value)} disabled={pending} className="rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm">
        <option value="stranger">{t("asStranger")}</option>
        <option value="friend">{t("asFriend")}</option>
        {groups.map((g) => (
          <option key={g.id} value={`group:${g.id}`}>
            {t("asGroup", { name: g.name })}
          </option>
        ))}
      </select>
      <Button variant="secondary" pending={pending} onClick={start}>
        {t("preview")}
      </Button>
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
