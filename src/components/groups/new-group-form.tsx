"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { createGroupAction } from "@/actions/group-actions";
import { charLength } from "@/lib/limits";
import { GROUP_NAME_MAX } from "@/lib/validation/groups";
import type { GroupView } from "@/server/groups/group-types";
import { Button } from "@/components/ui/button";

/** "New group": a name, then create. Names are unique per owner, so a double submit makes one group. */
export function NewGroupForm({ onCreated }: { onCreated: (group: GroupView) => void }) {
  const t = useTranslations("groups");
  const te = useTranslations("errors");
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (pending) return;
    startTransition(async () => {
      const res = await createGroupAction({ name });
      if (res.ok) {
        onCreated(res.data);
        setName("");
        setError(null);
      } else setError(te(res.fieldErrors?.name ?? res.error));
    });
  };

  return (
    <form onSubmit={submit} noValidate className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <label htmlFor="new-group-name" className="block text-sm font-medium text-stone-700">
        {t("newGroupLabel")}
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id="new-group-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={t("newGroupPlaceholder")}
          maxLength={GROUP_NAME_MAX * 2}
          aria-invalid={error ? true : undefined}
          aria-describedby="new-group-note"
          className="min-w-0 flex-1 rounded-md border border-stone-300 px-3 py-2 text-base outline-none focus:ring-2 focus:ring-brand-500"
        />
        <Button type="submit" pending={pending}>
          {t("create")}
        </Button>
      </div>
      <p id="new-group-note" className={`mt-1 text-sm ${error ? "text-red-700" : "text-xs text-stone-500"}`} role={error ? "alert" : undefined}>
        {error ?? `${charLength(name)} / ${GROUP_NAME_MAX}`}
      </p>
    </form>
  );
}
