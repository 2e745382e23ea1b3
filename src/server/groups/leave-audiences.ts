import "server-only";
import type { Prisma } from "@/generated/prisma/client";

/**
 * Two people are no longer friends (unfriend, block): each leaves the other's
 * friend groups, and each is taken off the other's items and albums shared
 * with chosen friends. Call it in the transaction that ends the friendship,
 * so befriending again later grants nothing from before: not the groups, and
 * not the old "chosen friends" items (which the privacy rule alone would
 * reopen, since it only asks for a current friend on the list).
 */
export async function leaveEachOthersAudiences(tx: Prisma.TransactionClient, a: number, b: number): Promise<void> {
  await tx.$executeRaw`
    DELETE FROM friend_group_members m USING friend_groups g
    WHERE m.group_id = g.id
      AND ((g.owner_id = ${a} AND m.user_id = ${b}) OR (g.owner_id = ${b} AND m.user_id = ${a}))`;
  for (const [owner, other] of [
    [a, b],
    [b, a],
  ] as const) {
    await tx.$executeRaw`
      UPDATE posts SET audience_user_ids = array_remove(audience_user_ids, ${other}::int)
      WHERE author_id = ${owner} AND ${other}::int = ANY(audience_user_ids)`;
    await tx.$executeRaw`
      UPDATE albums SET audience_user_ids = array_remove(audience_user_ids, ${other}::int)
      WHERE owner_id = ${owner} AND ${other}::int = ANY(audience_user_ids)`;
  }
}
