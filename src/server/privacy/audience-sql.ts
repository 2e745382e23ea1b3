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
 * SQL condition: the post row `alias` (needs author_id, audience, state and
 * the audience_*_ids columns) may be seen by viewer `viewerId` holding the
 * relation in `relationExpr` towards its author. Same rule as canViewItem():
 * not-yet-READY items count as ONLY_ME; CHOSEN_AUDIENCES need the viewer among
 * the chosen friends or in one of the chosen groups that are the author's own
 * (as accessToMany() counts only the owner's groups).
 */
export function visiblePostSql(alias: string, relationExpr: string, viewerId: number): Prisma.Sql {
  const a = Prisma.raw(alias);
  const aud = Prisma.sql`(CASE WHEN ${a}.state = 'READY' THEN ${a}.audience ELSE 'ONLY_ME'::audience END)`;
  return Prisma.sql`(${aud} = ANY(${visibleAudiencesSql(relationExpr)})
    OR (${aud} = ANY(${Prisma.raw(caseSql(CHOSEN_AUDIENCES, relationExpr))})
        AND (${viewerId}::int = ANY(${a}.audience_user_ids)
             OR EXISTS (SELECT 1 FROM friend_group_members m JOIN friend_groups g ON g.id = m.group_id
                        WHERE m.user_id = ${viewerId}::int AND g.owner_id = ${a}.author_id AND m.group_id = ANY(${a}.audience_group_ids)))))`;
}
