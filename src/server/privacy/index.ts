// The privacy module: the only place that decides whether a viewer may see an
// item. Every read path (space page, post page, feed, API, actions) goes
// through these functions; a hidden item is reported exactly like a missing
// one (AppError not_found -> the same 404).
import "server-only";
import { notFound } from "@/server/errors";
import { VISIBLE_AUDIENCES, canView, type Audience, type Relation } from "./audience";
import { relationTo, type Viewer } from "./relation";

export { canView, VISIBLE_AUDIENCES, relationTo };
export { visibleAudiencesSql } from "./audience-sql";
export type { Audience, Relation, Viewer };

/** Throws not_found unless the viewer may see an item with this owner and audience. */
export async function assertCanView(viewer: Viewer, item: { ownerId: number; audience: Audience } | null) {
  if (!item) throw notFound();
  const relation = await relationTo(viewer, item.ownerId);
  if (!canView(relation, item.audience)) throw notFound();
  return relation;
}

/** Prisma filter for one owner's items that `relation` may see (space tabs). */
export function visibleAudienceFilter(relation: Relation): { in: Audience[] } {
  return { in: [...VISIBLE_AUDIENCES[relation]] };
}
