// The viewer's relation to an owner as a SQL column: the one definition of
// how a relation is derived from the tables (blocked either way first, then
// friend, then follower; a signed-in viewer is never "anonymous"). Used by
// accessToMany() (relation.ts) and by reads joining many owners' things at
// once (notifications).
import { Prisma } from "@/generated/prisma/client";

/**
 * SQL text expression: the relation of user `viewerId` to the user in column
 * `ownerCol` (trusted SQL written in this codebase, never user input). Feed
 * it to visiblePostSql() as its relationExpr.
 */
export function relationSql(ownerCol: string, viewerId: number): string {
  const v = `${Math.trunc(viewerId)}`;
  return `(CASE WHEN ${ownerCol} = ${v} THEN 'owner'
    WHEN ${blockedPairText(ownerCol, v)} THEN 'blocked'
    WHEN EXISTS (SELECT 1 FROM friendships rf WHERE rf.user_id = ${v} AND rf.friend_id = ${ownerCol}) THEN 'friend'
    WHEN EXISTS (SELECT 1 FROM follows rfo WHERE rfo.follower_id = ${v} AND rfo.followee_id = ${ownerCol}) THEN 'follower'
    ELSE 'stranger' END)`;
}

function blockedPairText(a: string, b: string): string {
  return `EXISTS (SELECT 1 FROM blocks bp WHERE (bp.blocker_id = ${a} AND bp.blocked_id = ${b}) OR (bp.blocker_id = ${b} AND bp.blocked_id = ${a}))`;
}

/** SQL condition: users `a` and `b` (column expressions or trusted literals) are a blocked pair, either way. */
export function blockedPairSql(a: string, b: string): Prisma.Sql {
  return Prisma.raw(blockedPairText(a, b));
}

/**
 * SQL int[]: every user in a blocked pair with user `v` (a trusted literal),
 * either way: the set form of blockedPairSql (u is in it exactly when
 * blockedPairSql(u, v)). Uncorrelated, so Postgres computes it once per
 * statement (two index lookups): reads over many rows test membership instead
 * of probing blocks row by row, and counts can start from these users' rows.
 */
export function blockedPartnersSql(v: string): Prisma.Sql {
  return Prisma.raw(`ARRAY(SELECT pb.blocked_id FROM blocks pb WHERE pb.blocker_id = ${v} UNION SELECT pb.blocker_id FROM blocks pb WHERE pb.blocked_id = ${v})`);
}
