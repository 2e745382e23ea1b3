"use client";
import { useEffect, useState } from "react";
import type { AuthorView } from "@/server/presenters/post";

const DEBOUNCE_MS = 120;

/**
 * The viewer's friends matching `query` (null: not in a mention, nothing
 * fetched), from /api/mentions/suggest; null until the answer for this query arrives. Debounced; a newer query aborts the
 * older request, so results never arrive out of order.
 */
export function useMentionSuggestions(query: string | null): AuthorView[] | null {
  const [result, setResult] = useState<{ query: string; items: AuthorView[] } | null>(null);
  useEffect(() => {
    if (query === null) return;
    const ac = new AbortController();
    const timer = window.setTimeout(async () => {
      try {
        const res = await fetch(`/api/mentions/suggest?q=${encodeURIComponent(query)}`, { signal: ac.signal, cache: "no-store" });
        if (!res.ok) return;
        const data = (await res.json()) as { items: AuthorView[] };
        setResult({ query, items: data.items });
      } catch {
        // Aborted or offline: no suggestions; typing goes on as usual.
      }
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      ac.abort();
    };
  }, [query]);
  return query !== null && result?.query === query ? result.items : null;
}
