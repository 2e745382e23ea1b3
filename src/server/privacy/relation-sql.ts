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

function blockedPair(a: Prisma.Sql, b: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM blocks bp WHERE (bp.blocker_id = ${a} AND bp.blocked_id = ${b}) OR (bp.blocker_id = ${b} AND bp.blocked_id = ${a}))`;
}

function blockedPairText(a: string, b: string): string {
  return blockedPair(Prisma.raw(a), Prisma.raw(b)).sql; // no bound values: the text itself
}

/**
 * SQL condition: users `a` and `b` (column expressions or trusted literals) are
 * a blocked pair, either way. `b` may instead be a user id, bound as a
 * parameter, so the statement's text is the same for every user (a prepared
 * statement, src/server/prepared-sql.ts).
 */
export function blockedPairSql(a: string, b: string | number): Prisma.Sql {
  return blockedPair(Prisma.raw(a), typeof b === "number" ? Prisma.sql`${Math.trunc(b)}::int` : Prisma.raw(b));
}

/**
 * SQL int[]: every user in a blocked pair with user `viewerId`,
 * either way: the set form of blockedPairSql (u is in it exactly when
 * blockedPairSql(u, v)). Uncorrelated, so Postgres computes it once per
 * statement (two index lookups): reads over many rows test membership instead
 * of probing blocks row by row, and counts can start from these users' rows.
 */
export function blockedPartnersSql(viewerId: number): Prisma.Sql {
  // The id is a bound parameter: the statement's text is the same for every user (src/server/prepared-sql.ts).
  const v = Prisma.sql`${Math.trunc(viewerId)}::int`;
  return Prisma.sql`ARRAY(SELECT pb.blocked_id FROM blocks pb WHERE pb.blocker_id = ${v} UNION SELECT pb.blocker_id FROM blocks pb WHERE pb.blocked_id = ${v})`;
}
