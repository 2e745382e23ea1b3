"use client";
import { useEffect, useRef, useState } from "react";
import type { AudienceChoices } from "@/server/groups/group-types";

export type ChoicesState = { status: "idle" | "loading" | "error"; choices: null } | { status: "ready"; choices: AudienceChoices };

/**
 * The viewer's groups and friends for the audience picker, fetched the first
 * time `enabled` is true (most writes never open the custom choice, so most
 * pages never ask). `reload` asks again after a failure.
 */
export function useAudienceChoices(enabled: boolean): ChoicesState & { reload: () => void } {
  const [attempt, setAttempt] = useState(0);
  // The answer to each attempt; "loading" is an enabled attempt without one yet.
  const [result, setResult] = useState<{ attempt: number; choices: AudienceChoices | null } | null>(null);
  const started = useRef(-1);
  useEffect(() => {
    if (!enabled || started.current === attempt) return;
    started.current = attempt;
    fetch("/api/groups/choices", { headers: { accept: "application/json" } })
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        setResult({ attempt, choices: (await res.json()) as AudienceChoices });
      })
      .catch(() => setResult({ attempt, choices: null }));
  }, [enabled, attempt]);
  const reload = () => setAttempt((a) => a + 1);
  if (result?.attempt === attempt) return result.choices ? { status: "ready", choices: result.choices, reload } : { status: "error", choices: null, reload };
  return { status: enabled ? "loading" : "idle", choices: null, reload };
}
