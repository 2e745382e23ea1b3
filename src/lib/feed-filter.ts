// The home feed's filters (and the space's tabs) by kind of item, shared by
// the filter links (client) and the feed's SQL (server). No zod here, so the
// client bundle that only needs the list doesn't carry it.

/** The kinds a filter can pick; no kind = everything. */
export const FEED_KINDS = ["status", "blog", "diary", "photos", "music", "video"] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/**
 * The posts.kind values a filter (or a space tab) shows. Reposts (转发) are
 * status-like: QZone shows them among 说说, so "Status" includes them.
 */
export function kindsOf(kind: string): string[] {
  return kind === "status" ? ["status", "repost"] : [kind];
}

/** The home page URL for a filter (the selection lives in the URL: ?kind=photos&group=3). */
export function feedHref(filter: { kind?: string | null; group?: number | string | null }): string {
  const q = new URLSearchParams();
  if (filter.kind) q.set("kind", filter.kind);
  if (filter.group != null && filter.group !== "") q.set("group", String(filter.group));
  const s = q.toString();
  return s ? `/?${s}` : "/";
}
