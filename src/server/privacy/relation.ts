import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { relationSql } from "./relation-sql";
import type { Access, Relation } from "./audience";

/**
 * Who is looking. `previewOf` is "view my space as..." (privacy/preview.ts):
 * the owner `ownerId` looking at their own space with the access of a stranger,
 * a friend, or a member of some of their groups. Such a viewer has id 0 (nobody),
 * so nothing is "mine", liked by me or editable.
 */
export type Viewer = { id: number; previewOf?: { ownerId: number; access: Access } } | null;

type Row = { owner_id: number; relation: Relation; group_ids: number[] };

/**
 * The viewer's access to each owner, in one query whatever the number of
 * owners: the relation (relation-sql.ts, the one definition used by every
 * SQL read too: blocks either way first, then friendship, then follow) and
 * the owner's friend groups the viewer is in.
 */
export async function accessToMany(viewer: Viewer, ownerIds: readonly number[]): Promise<Map<number, Access>> {
  const out = new Map<number, Access>();
  const ids = [...new Set(ownerIds)];
  const others: number[] = [];
  for (const id of ids) {
    if (viewer?.previewOf && viewer.previewOf.ownerId === id) out.set(id, viewer.previewOf.access);
    else if (!viewer || viewer.id <= 0) out.set(id, { relation: viewer ? "stranger" : "anonymous", userId: null, groupIds: [] });
    else if (viewer.id === id) out.set(id, { relation: "owner", userId: id, groupIds: [] });
    else others.push(id);
  }
  if (!others.length || !viewer) return out;
  const v = viewer.id;
  const rows = await db.$queryRaw<Row[]>`
    SELECT o.id AS owner_id, ${Prisma.raw(relationSql("o.id", v))} AS relation,
      ARRAY(SELECT m.group_id FROM friend_group_members m JOIN friend_groups g ON g.id = m.group_id
            WHERE m.user_id = ${v} AND g.owner_id = o.id) AS group_ids
    FROM unnest(${others}::int[]) AS o(id)`;
  for (const r of rows) out.set(r.owner_id, { relation: r.relation, userId: v, groupIds: r.relation === "friend" ? r.group_ids : [] });
  return out;
}

/** The viewer's access to one owner (one query at most). */
export async function accessTo(viewer: Viewer, ownerId: number): Promise<Access> {
  return (await accessToMany(viewer, [ownerId])).get(ownerId)!;
}

/** How `viewer` stands towards `ownerId`. */
export async function relationTo(viewer: Viewer, ownerId: number): Promise<Relation> {
  return (await accessTo(viewer, ownerId)).relation;
}
