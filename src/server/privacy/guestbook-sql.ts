// The guestbook rule (guestbook.ts GUESTBOOK_RULES) as a SQL condition, for
// reads over many guestbooks at once (notifications). Generated from the
// same table, so it cannot disagree with canSeeGuestbookEntry(), plus the
// block condition that visibleGuestbookFilter() applies to lists too.
import { Prisma } from "@/generated/prisma/client";
import { GUESTBOOK_RULES, type GuestbookRole } from "./guestbook";
import { blockedPairSql } from "./relation-sql";

/**
 * SQL condition: user `viewerId` may see the guestbook_entries row `alias`
 * (private and pending messages: the owner and the writer only; never one
 * written by the other side of a block, as visibleGuestbookFilter). The
 * space itself (a block with its owner) is checked separately.
 */
export function visibleGuestbookEntrySql(alias: string, viewerId: number): Prisma.Sql {
  const v = Math.trunc(viewerId);
  const role = `(CASE WHEN ${alias}.owner_id = ${v} THEN 'owner' WHEN ${alias}.author_id = ${v} THEN 'writer' ELSE 'other' END)`;
  const whens = (Object.keys(GUESTBOOK_RULES) as GuestbookRole[]).map((r) => {
    const rule = GUESTBOOK_RULES[r];
    const conds = [rule.seesPrivate ? "TRUE" : `NOT ${alias}.private`, rule.seesPending ? "TRUE" : `${alias}.approved`];
    return `WHEN '${r}' THEN (${conds.join(" AND ")})`;
  });
  return Prisma.sql`(CASE ${Prisma.raw(role)} ${Prisma.raw(whens.join(" "))} ELSE FALSE END AND NOT ${blockedPairSql(`${alias}.author_id`, String(v))})`;
}
