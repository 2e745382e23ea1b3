// An audience choice as forms hold it (client and server): the audience and,
// with CUSTOM, the chosen friend groups and friends. See
// src/lib/validation/audience.ts for the rules the server applies.
import type { Audience } from "@/lib/audiences";

export type AudienceValue = { audience: Audience; audienceGroupIds: number[]; audienceUserIds: number[] };

/** A form's starting value: an audience, and for CUSTOM whom it was shown to. */
export function audienceValue(
  audience: Audience,
  chosen?: { groups: { id: number }[]; users: { id: number }[] } | { audienceGroupIds?: number[]; audienceUserIds?: number[] } | null,
): AudienceValue {
  if (audience !== "CUSTOM" || !chosen) return { audience, audienceGroupIds: [], audienceUserIds: [] };
  if ("groups" in chosen) return { audience, audienceGroupIds: chosen.groups.map((g) => g.id), audienceUserIds: chosen.users.map((u) => u.id) };
  return { audience, audienceGroupIds: chosen.audienceGroupIds ?? [], audienceUserIds: chosen.audienceUserIds ?? [] };
}

/** What a write sends: the lists only with CUSTOM (the server refuses them otherwise). */
export function toChoice(v: AudienceValue): { audience: Audience; audienceGroupIds?: number[]; audienceUserIds?: number[] } {
  return v.audience === "CUSTOM" ? { audience: v.audience, audienceGroupIds: v.audienceGroupIds, audienceUserIds: v.audienceUserIds } : { audience: v.audience };
}

/** The audience's error among a form result's field errors (an i18n key under "errors"). */
export function audienceFieldError(fieldErrors: Record<string, string> | undefined): string | undefined {
  return fieldErrors?.audience ?? fieldErrors?.audienceGroupIds ?? fieldErrors?.audienceUserIds;
}

/** The names of whom a CUSTOM item was shown to (groups first), for its owner's badge. */
export function chosenNamesOf(chosen: { groups: { name: string }[]; users: { displayName: string }[] } | null | undefined): string[] {
  return chosen ? [...chosen.groups.map((g) => g.name), ...chosen.users.map((u) => u.displayName)] : [];
}
