"use client";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import type { FriendView } from "@/server/groups/group-types";
import { Avatar } from "@/components/ui/avatar";

/**
 * A searchable list of friends with a checkbox each (the audience picker's
 * "chosen friends" and the groups page's "add members"). Filtering happens
 * in the browser: the list is the viewer's friends, at most a thousand.
 * Checked friends stay listed whatever the search, so a choice never hides.
 */
export function FriendChecklist({
  legend,
  friends,
  selected,
  onToggle,
  disabled,
  empty,
}: {
  legend: string;
  friends: FriendView[];
  selected: readonly number[];
  onToggle: (id: number, checked: boolean) => void;
  disabled?: boolean;
  /** Shown when there is nobody to choose (what to do about it). */
  empty: React.ReactNode;
}) {
  const t = useTranslations("audiencePicker");
  const searchId = useId();
  const [query, setQuery] = useState("");
  const q = query.trim().toLocaleLowerCase();
  const shown = friends.filter((f) => selected.includes(f.id) || !q || f.displayName.toLocaleLowerCase().includes(q) || f.handle.includes(q));
  return (
    <fieldset className="min-w-0 space-y-2" disabled={disabled}>
      <legend className="text-sm font-medium text-stone-700">{legend}</legend>
      {friends.length === 0 ? (
        <p className="text-sm text-stone-500">{empty}</p>
      ) : (
        <>
          <label htmlFor={searchId} className="sr-only">
            {t("searchFriends")}
          </label>
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t("searchFriends")}
            autoComplete="off"
            className="block w-full rounded-md border border-stone-300 px-3 py-1.5 text-base outline-none focus:ring-2 focus:ring-brand-500 sm:text-sm"
          />
          <ul className="max-h-56 space-y-0.5 overflow-y-auto rounded-md border border-stone-200 p-1" aria-label={legend}>
            {shown.map((f) => (
              <li key={f.id}>
                <label className="flex min-h-10 cursor-pointer items-center gap-2 rounded px-2 py-1 hover:bg-stone-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500">
                  <input type="checkbox" checked={selected.includes(f.id)} onChange={(e) => onToggle(f.id, e.target.checked)} className="h-4 w-4 shrink-0" />
                  <Avatar user={f} size="sm" />
                  <span className="min-w-0 truncate text-sm text-stone-800">
                    {f.displayName} <span className="text-stone-500">@{f.handle}</span>
                  </span>
                </label>
              </li>
            ))}
            {shown.length === 0 && <li className="px-2 py-2 text-sm text-stone-500">{t("noMatch")}</li>}
          </ul>
        </>
      )}
    </fieldset>
  );
}
