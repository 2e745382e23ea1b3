"use client";
import { useCallback, useState } from "react";
import { remainingOf, type QuotaUsage } from "@/lib/upload-check";

const same = (a: QuotaUsage | undefined, b: QuotaUsage | undefined) => a?.usedBytes === b?.usedBytes && a?.quotaBytes === b?.quotaBytes;

/**
 * An uploader's view of the owner's quota: the page's numbers, plus what this
 * uploader has stored since and is sending now (the page only counts those
 * on its next refresh, whose new numbers then replace the local tally).
 * `remaining` is null when the page gave no numbers: only the server checks.
 */
export function useQuota(usage: QuotaUsage | undefined) {
  const [seen, setSeen] = useState(usage);
  const [stored, setStored] = useState(0);
  const [sending, setSending] = useState(0);
  // Fresh server numbers (after router.refresh) already include what was stored (adjusted while rendering, as React advises).
  if (!same(seen, usage)) {
    setSeen(usage);
    setStored(0);
  }
  /** Counts `bytes` as taken while `work` runs, and for good if it succeeded. */
  const track = useCallback(async <T extends { ok: boolean }>(bytes: number, work: Promise<T>): Promise<T> => {
    setSending((n) => n + bytes);
    try {
      const res = await work;
      if (res.ok) setStored((n) => n + bytes);
      return res;
    } finally {
      setSending((n) => n - bytes);
    }
  }, []);
  return {
    usage: usage ? { usedBytes: usage.usedBytes + stored, quotaBytes: usage.quotaBytes } : null,
    remaining: usage ? Math.max(0, remainingOf(usage) - stored - sending) : null,
    track,
  };
}
