"use client";
import { useEffect, useRef, useState } from "react";
import { previewBlogAction } from "@/actions/blog-actions";

const DEBOUNCE_MS = 300;

/**
 * The live preview: the server renders and sanitises the Markdown exactly as
 * publishing will, a moment after each change. Answers to older text are
 * dropped, so a slow reply never overwrites a newer one.
 */
export function usePreview(source: string) {
  const [state, setState] = useState<{ html: string; error: string | null; for: string }>({ html: "", error: null, for: "" });
  const seq = useRef(0);

  useEffect(() => {
    const n = ++seq.current;
    if (!source.trim()) return;
    const timer = setTimeout(async () => {
      const res = await previewBlogAction({ source }).catch(() => null);
      if (n !== seq.current) return;
      if (res?.ok) setState({ html: res.data.html, error: null, for: source });
      else setState((s) => ({ ...s, error: res && !res.ok ? (res.fieldErrors?.source ?? res.error) : "internal" }));
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [source]);

  const empty = !source.trim();
  return { html: empty ? "" : state.html, error: empty ? null : state.error, empty };
}
