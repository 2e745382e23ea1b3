// The browser's check of chosen files before anything is sent, against the
// same rules the server enforces while receiving (emptiness, the per-file
// limit, what is left of the owner's storage quota). Pure, so it is tested
// without a browser; the server stays the authority.

/** The owner's storage as the server counts it (bytes of all their media). */
export type QuotaUsage = { usedBytes: number; quotaBytes: number };

export const remainingOf = (usage: QuotaUsage) => Math.max(0, usage.quotaBytes - usage.usedBytes);

/** An i18n key under "errors" (each takes {name} and {limit}), or null when the file may be sent. */
export type UploadCheck = "fileEmpty" | "fileTooLarge" | "quotaExceeded" | null;

/**
 * Checks a selection in order. Files that fit are counted against the
 * remaining quota; one that would pass it is refused (and not counted), so
 * a batch whose total is over the quota sends the files that fit and names
 * each one that does not. `remaining` null: the quota is not known here.
 */
export function checkUploads(sizes: readonly number[], limit: number, remaining: number | null): UploadCheck[] {
  let left = remaining ?? Infinity;
  return sizes.map((size) => {
    if (size === 0) return "fileEmpty";
    if (size > limit) return "fileTooLarge";
    if (size > left) return "quotaExceeded";
    left -= size;
    return null;
  });
}
