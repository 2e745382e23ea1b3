"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { saveDraftAction } from "@/actions/blog-actions";
import type { Audience } from "@/lib/audiences";

export type DraftValues = { title: string; source: string; audience: Audience; audienceGroupIds: number[]; audienceUserIds: number[] };
export type SaveStatus = "idle" | "saving" | "saved" | "error";

const DEBOUNCE_MS = 1000;

/**
 * Saves the draft a moment after the author stops typing. One save at a
 * time (the first one creates the draft; a second concurrent one would
 * create another), changes made meanwhile are saved right after. `stop`
 * waits for a save in flight and returns the draft's id, so publishing
 * deletes exactly that draft and no later save brings it back.
 */
export function useDraftAutosave(enabled: boolean, initialId: number | undefined, values: DraftValues) {
  const [status, setStatus] = useState<SaveStatus>("idle");
  const [error, setError] = useState<string | null>(null);
  const idRef = useRef(initialId);
  const latest = useRef(values);
  const inFlight = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const stopped = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saved = useRef(JSON.stringify(values));

  useEffect(() => {
    latest.current = values;
  });

  /** Saves once, then again while changes arrived during the save (a loop: one request at a time). */
  const run = useCallback(async (): Promise<void> => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    do {
      again.current = false;
      if (stopped.current) return;
      const v = latest.current;
      const snapshot = JSON.stringify(v);
      if (snapshot === saved.current) return;
      if (idRef.current === undefined && !v.title.trim() && !v.source.trim()) return;
      setStatus("saving");
      inFlight.current = (async () => {
        const res = await saveDraftAction({ draftId: idRef.current, ...v }).catch(() => null);
        if (res?.ok) {
          if (idRef.current === undefined) {
            // A reload (or the back button) resumes this draft instead of starting over.
            window.history.replaceState(null, "", `/blog/write?draft=${res.data.id}`);
          }
          idRef.current = res.data.id;
          saved.current = snapshot;
          setStatus("saved");
          setError(null);
        } else {
          setStatus("error");
          setError(res && !res.ok ? (res.fieldErrors?.title ?? res.fieldErrors?.source ?? null) : null);
        }
      })();
      await inFlight.current;
      inFlight.current = null;
    } while (again.current);
  }, []);

  const { title, source, audience, audienceGroupIds, audienceUserIds } = values;
  const chosen = JSON.stringify([audienceGroupIds, audienceUserIds]);
  useEffect(() => {
    if (!enabled || stopped.current) return;
    if (JSON.stringify(latest.current) === saved.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void run();
    }, DEBOUNCE_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [enabled, title, source, audience, chosen, run]);

  // Leaving the page with a save still scheduled: send it now.
  useEffect(() => {
    if (!enabled) return;
    const flush = () => {
      if (document.visibilityState === "hidden") void run();
    };
    document.addEventListener("visibilitychange", flush);
    return () => {
      document.removeEventListener("visibilitychange", flush);
      void run();
    };
  }, [enabled, run]);

  const stop = useCallback(async () => {
    stopped.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    again.current = false;
    if (inFlight.current) await inFlight.current;
    return idRef.current;
  }, []);

  const resume = useCallback(() => {
    stopped.current = false;
  }, []);

  return { status, error, stop, resume };
}
