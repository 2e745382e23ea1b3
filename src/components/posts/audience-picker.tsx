"use client";
import Link from "next/link";
import { useEffect } from "react";
import { useTranslations } from "next-intl";
import type { AudienceValue } from "@/lib/audience-choice";
import { AUDIENCES } from "@/lib/audiences";
import type { AudienceChoices } from "@/server/groups/group-types";
import { FriendChecklist } from "@/components/groups/friend-checklist";
import { useAudienceChoices, type ChoicesState } from "@/components/groups/use-audience-choices";

/** The names an audience choice shows to its owner: chosen groups, then chosen friends. */
export function chosenNames(value: AudienceValue, choices: AudienceChoices | null): string[] {
  if (value.audience !== "CUSTOM" || !choices) return [];
  return [
    ...choices.groups.filter((g) => value.audienceGroupIds.includes(g.id)).map((g) => g.name),
    ...choices.friends.filter((f) => value.audienceUserIds.includes(f.id)).map((f) => f.displayName),
  ];
}

const toggle = (list: readonly number[], id: number, on: boolean) => (on ? [...new Set([...list, id])] : list.filter((x) => x !== id));

/**
 * Who may see an item: Everyone / Friends / Chosen groups or friends / Only
 * me, as a native select (keyboard and screen-reader friendly, and what the
 * existing forms and tests drive). The custom choice opens a panel below:
 * the owner's groups as checkboxes and a searchable friend checklist, loaded
 * from /api/groups/choices the first time it opens. In a flex row the panel
 * takes a line of its own (order-last, full width), so forms need no new
 * layout. Ids no longer on offer (a deleted group, an ex-friend) are dropped
 * from the value once the choices are in, so a re-save is never refused for
 * someone the owner cannot see in the list.
 */
export function AudiencePicker({
  id,
  label,
  value,
  onChange,
  disabled,
  error,
  labelVisible = false,
  panel,
  choices: given,
  children,
}: {
  id: string;
  label: string;
  value: AudienceValue;
  onChange: (next: AudienceValue) => void;
  disabled?: boolean;
  /** A translated error for the audience (e.g. "choose at least one group or friend"). */
  error?: string | null;
  labelVisible?: boolean;
  /** Whether the custom panel shows (default: whenever the audience is CUSTOM). */
  panel?: boolean;
  /** Choices loaded by the caller (who needs them too); otherwise the picker loads them. */
  choices?: ChoicesState & { reload: () => void };
  /** Shown at the foot of the panel (e.g. Save / Cancel where a change applies at once). */
  children?: React.ReactNode;
}) {
  const t = useTranslations("audiencePicker");
  const ta = useTranslations("audience");
  const open = panel ?? value.audience === "CUSTOM";
  const own = useAudienceChoices(open && !given);
  const state = given ?? own;
  const ready = state.status === "ready" ? state.choices : null;
  const panelId = `${id}-custom`;
  const errorId = `${id}-error`;

  useEffect(() => {
    if (!ready) return;
    const groups = value.audienceGroupIds.filter((g) => ready.groups.some((x) => x.id === g));
    const users = value.audienceUserIds.filter((u) => ready.friends.some((x) => x.id === u));
    if (groups.length !== value.audienceGroupIds.length || users.length !== value.audienceUserIds.length) {
      onChange({ ...value, audienceGroupIds: groups, audienceUserIds: users });
    }
    // Once per load of the choices: later changes come from the checkboxes, which only offer valid ids.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready]);

  const names = chosenNames(value, ready);
  return (
    <>
      <label htmlFor={id} className={labelVisible ? "block text-sm font-medium text-stone-700" : "sr-only"}>
        {label}
      </label>
      <select
        id={id}
        value={value.audience}
        disabled={disabled}
        onChange={(e) => onChange({ ...value, audience: e.target.value as AudienceValue["audience"] })}
        aria-controls={open ? panelId : undefined}
        aria-describedby={error ? errorId : undefined}
        aria-invalid={error ? true : undefined}
        className="max-w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm"
      >
        {AUDIENCES.map((a) => (
          <option key={a} value={a}>
            {ta(a)}
          </option>
        ))}
      </select>
      {open && (
        <div id={panelId} role="group" aria-label={t("panelLabel")} className="order-last w-full basis-full space-y-3 rounded-md border border-stone-200 bg-stone-50 p-3" data-testid="audience-custom">
          {!ready &&
            (state.status === "error" ? (
              <p role="alert" className="text-sm text-red-700">
                {t("loadFailed")}{" "}
                <button type="button" onClick={state.reload} className="font-medium underline">
                  {t("retry")}
                </button>
              </p>
            ) : (
              <p role="status" className="text-sm text-stone-500">
                {t("loading")}
              </p>
            ))}
          {ready && (
            <div className="grid gap-4 sm:grid-cols-2">
              <fieldset className="min-w-0 space-y-2" disabled={disabled}>
                <legend className="text-sm font-medium text-stone-700">{t("groups")}</legend>
                {ready.groups.length === 0 ? (
                  <p className="text-sm text-stone-500">
                    {t("noGroups")}{" "}
                    <Link href="/friends/groups" className="text-brand-700 underline">
                      {t("manageGroups")}
                    </Link>
                  </p>
                ) : (
                  <ul className="space-y-0.5">
                    {ready.groups.map((g) => (
                      <li key={g.id}>
                        <label className="flex min-h-10 cursor-pointer items-center gap-2 rounded px-2 py-1 hover:bg-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500">
                          <input
                            type="checkbox"
                            checked={value.audienceGroupIds.includes(g.id)}
                            onChange={(e) => onChange({ ...value, audienceGroupIds: toggle(value.audienceGroupIds, g.id, e.target.checked) })}
                            className="h-4 w-4 shrink-0"
                          />
                          <span className="min-w-0 truncate text-sm text-stone-800">{g.name}</span>
                          <span className="ml-auto shrink-0 text-xs text-stone-500">{t("memberCount", { count: g.memberCount })}</span>
                        </label>
                      </li>
                    ))}
                  </ul>
                )}
              </fieldset>
              <FriendChecklist
                legend={t("friends")}
                friends={ready.friends}
                selected={value.audienceUserIds}
                onToggle={(userId, on) => onChange({ ...value, audienceUserIds: toggle(value.audienceUserIds, userId, on) })}
                disabled={disabled}
                empty={
                  <>
                    {t("noFriends")}{" "}
                    <Link href="/search" className="text-brand-700 underline">
                      {t("findPeople")}
                    </Link>
                  </>
                }
              />
            </div>
          )}
          <p aria-live="polite" className="text-sm text-stone-600" data-testid="audience-summary">
            {value.audience !== "CUSTOM" ? null : names.length ? t("shownTo", { names: names.join(t("separator")) }) : t("chooseHint")}
          </p>
          {children}
        </div>
      )}
      {error && (
        <p id={errorId} role="alert" className="order-last basis-full text-sm text-red-700">
          {error}
        </p>
      )}
    </>
  );
}
