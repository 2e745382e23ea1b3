import { Prisma } from "@/generated/prisma/client";
import { CHOSEN_AUDIENCES, VISIBLE_AUDIENCES, type Relation } from "./audience";

function caseSql(table: Record<Relation, readonly string[]>, relationExpr: string): string {
  const whens = (Object.keys(table) as Relation[]).map(
    (rel) => `WHEN '${rel}' THEN ARRAY[${table[rel].map((a) => `'${a}'`).join(",")}]::audience[]`,
  );
  return `(CASE ${relationExpr} ${whens.join(" ")} ELSE ARRAY[]::audience[] END)`;
}

/**
 * SQL expression giving the audiences visible to the relation held in the SQL
 * expression `relationExpr` (used by the feed, where each source author has
 * its own relation to the viewer). Generated from VISIBLE_AUDIENCES, so the
 * SQL can never disagree with canView(). `relationExpr` is trusted SQL text
 * written in this codebase, never user input.
 */
export function visibleAudiencesSql(relationExpr: string): Prisma.Sql {
  return Prisma.raw(caseSql(VISIBLE_AUDIENCES, relationExpr));
}

/**
 * SQL condition: the post row `alias` (needs audience, state and the
 * audience_*_ids columns) may be seen by viewer `viewerId` holding the
 * relation in `relationExpr` towards its author. Same rule as canViewItem():
 * not-yet-READY items count as ONLY_ME; CHOSEN_AUDIENCES need the viewer among
 * the chosen friends or in a chosen group (group ids are unique, so the
 * viewer's memberships in anyone's groups can be matched at once).
 */
export function visiblePostSql(alias: string, relationExpr: string, viewerId: number): Prisma.Sql {
  const a = Prisma.raw(alias);
  const aud = Prisma.sql`(CASE WHEN ${a}.state = 'READY' THEN ${a}.audience ELSE 'ONLY_ME'::audience END)`;
  return Prisma.sql`(${aud} = ANY(${visibleAudiencesSql(relationExpr)})
    OR (${aud} = ANY(${Prisma.raw(caseSql(CHOSEN_AUDIENCES, relationExpr))})
        AND (${viewerId}::int = ANY(${a}.audience_user_ids)
             OR ${a}.audience_group_ids && ARRAY(SELECT group_id FROM friend_group_members WHERE user_id = ${viewerId}::int))))`;
}
