import { Prisma } from "@/generated/prisma/client";
import { VISIBLE_AUDIENCES, type Relation } from "./audience";

/**
 * SQL expression giving the audiences visible to the relation held in the SQL
 * expression `relationExpr` (used by the feed, where each source author has
 * its own relation to the viewer). Generated from VISIBLE_AUDIENCES, so the
 * SQL can never disagree with canView(). `relationExpr` is trusted SQL text
 * written in this codebase, never user input.
 */
export function visibleAudiencesSql(relationExpr: string): Prisma.Sql {
  const whens = (Object.keys(VISIBLE_AUDIENCES) as Relation[]).map(
    (rel) => `WHEN '${rel}' THEN ARRAY[${VISIBLE_AUDIENCES[rel].map((a) => `'${a}'`).join(",")}]::audience[]`,
  );
  return Prisma.raw(`(CASE ${relationExpr} ${whens.join(" ")} ELSE ARRAY[]::audience[] END)`);
}

/**
 * SQL condition: the post row `alias` (needs audience and state columns) may
 * be seen by the relation in `relationExpr`. Same rule as canViewItem():
 * not-yet-READY items count as ONLY_ME.
 */
export function visiblePostSql(alias: string, relationExpr: string): Prisma.Sql {
  return Prisma.sql`(CASE WHEN ${Prisma.raw(alias)}.state = 'READY' THEN ${Prisma.raw(alias)}.audience ELSE 'ONLY_ME'::audience END) = ANY(${visibleAudiencesSql(relationExpr)})`;
}
