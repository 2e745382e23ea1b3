import "server-only";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import type { Viewer } from "@/server/privacy";
import { avatarUrl } from "@/lib/media-url";
import { oldestKeptDay, visitDay, visitRetentionDays } from "./visit-day";

export const VISITORS_PAGE = 20;

export type VisitorView = { id: number; handle: string; displayName: string; avatarUrl: string | null; lastAt: string };
export type VisitorsList =
  /** The owner hides their own footprints, so (consent both ways) sees no one else's. */
  | { state: "hidden" }
  | { state: "visible"; visitors: VisitorView[]; nextCursor: string | null; total: number; today: number; retentionDays: number };

// Keyset cursor: the last shown visitor's latest visit time and id.
const encodeCursor = (v: { lastAt: Date; id: number }) => `${v.lastAt.toISOString()}_${v.id}`;
function decodeCursor(cursor: string | undefined): { at: Date; id: number } {
  const m = cursor ? /^(.+)_(\d+)$/.exec(cursor) : null;
  const at = m ? new Date(m[1]!) : null;
  // No (or a malformed) cursor: start from the top.
  return at && !Number.isNaN(at.getTime()) ? { at, id: Number(m![2]) } : { at: new Date("9999-01-01T00:00:00Z"), id: 2 ** 31 - 1 };
}

type Row = { id: number; handle: string; display_name: string; avatar_media_id: number | null; last_at: Date };

/**
 * A space's recent visitors (each once, by their latest visit, most recent
 * first) and totals within the retention period. Only the owner may ask: for
 * anyone else the list does not exist. A visitor who has since hidden their
 * footprints is left out too (hiding is honoured for past visits as well).
 */
export async function listVisitors(
  viewer: Viewer,
  input: { ownerId: number; before?: string; limit?: number },
  now = new Date(),
): Promise<VisitorsList> {
  if (!viewer || viewer.id !== input.ownerId) throw notFound();
  const owner = await db.user.findUnique({ where: { id: viewer.id }, select: { hideFootprints: true } });
  if (!owner) throw notFound();
  if (owner.hideFootprints) return { state: "hidden" };

  const limit = Math.min(Math.max(input.limit ?? VISITORS_PAGE, 1), 100);
  const since = oldestKeptDay(now);
  const today = visitDay(now);
  const before = decodeCursor(input.before);
  const [rows, totals] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT u.id, u.handle, u.display_name, u.avatar_media_id, max(v.last_at) AS last_at
      FROM visits v JOIN users u ON u.id = v.visitor_id
      WHERE v.owner_id = ${viewer.id}::int AND v.day >= ${since}::date AND NOT u.hide_footprints
      GROUP BY u.id
      HAVING (max(v.last_at), u.id) < (${before.at}::timestamptz, ${before.id}::int)
      ORDER BY max(v.last_at) DESC, u.id DESC
      LIMIT ${limit + 1}`,
    db.$queryRaw<{ total: number; today: number }[]>`
      SELECT count(DISTINCT v.visitor_id)::int AS total,
             (count(DISTINCT v.visitor_id) FILTER (WHERE v.day = ${today}::date))::int AS today
      FROM visits v JOIN users u ON u.id = v.visitor_id
      WHERE v.owner_id = ${viewer.id}::int AND v.day >= ${since}::date AND NOT u.hide_footprints`,
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    state: "visible",
    visitors: page.map((r) => ({ id: r.id, handle: r.handle, displayName: r.display_name, avatarUrl: avatarUrl(r.avatar_media_id), lastAt: r.last_at.toISOString() })),
    nextCursor: rows.length > limit && last ? encodeCursor({ lastAt: last.last_at, id: last.id }) : null,
    total: totals[0]?.total ?? 0,
    today: totals[0]?.today ?? 0,
    retentionDays: visitRetentionDays(),
  };
}
