import "server-only";
import type { SignedInViewer } from "@/server/auth/viewer";
import type { Page, PostView } from "@/server/presenters/post";
import { PAGE_SIZE } from "@/server/posts/list-space-posts";
import { withAttachments } from "@/server/presenters/attachments";
import { MAX_POST_ID, mergeRows, presentFeedRow } from "./feed-row";
import type { FeedKind } from "@/lib/feed-filter";
import { resolveFeedFilter } from "./feed-filter";
import { hotAccountIds } from "./hot-accounts";
import { readInbox } from "./inbox";
import { pullFeed } from "./pull-feed";

/**
 * The home feed: the viewer's own posts and those of friends and followed
 * people that the viewer may see, newest first, keyset-paginated by post id
 * (ids only grow, so posts arriving while someone pages never shift a page).
 *
 * Hybrid design, chosen by the numbers in docs/BENCHMARKS.md:
 * - regular authors' posts are read from the viewer's inbox (filled by the
 *   fan-out job after commit), one short index range scan;
 * - hot authors (very many followers) are never fanned out; their posts are
 *   pulled at read time and merged;
 * - below the inbox's horizon (pages deeper than its ~400 entries) the pull
 *   query takes over.
 * Privacy is checked at read time on every path, by the privacy module.
 * Optional filters (a kind tab, one of the viewer's friend groups) are applied
 * by every one of those queries alike, so filtered pages are exact too.
 */
export async function getFeed(viewer: SignedInViewer, input: { before?: number; kind?: FeedKind; group?: number }): Promise<Page<PostView>> {
  const before = input.before ?? MAX_POST_ID;
  const limit = PAGE_SIZE + 1;
  const filter = await resolveFeedFilter(viewer, input);
  const hotIds = await hotAccountIds();
  const [{ horizon, rows: inbox }, hot] = await Promise.all([
    readInbox(viewer.id, { before, limit, filter }),
    hotIds.length ? pullFeed(viewer.id, { before, limit, sources: "hot", hotIds, filter }) : [],
  ]);
  let rows = mergeRows(inbox, hot);
  if (inbox.length < limit && horizon > 0) {
    const deeper = await pullFeed(viewer.id, { before: Math.min(before, horizon), limit, sources: "regular", filter });
    rows = mergeRows(rows, deeper);
  }
  const items = await withAttachments(
    rows.slice(0, PAGE_SIZE).map((r) => presentFeedRow(r, viewer.id)),
    viewer,
  );
  return { items, nextCursor: rows.length > PAGE_SIZE ? items[items.length - 1]!.id : null };
}
