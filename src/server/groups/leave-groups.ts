import "server-only";
import type { Prisma } from "@/generated/prisma/client";

/**
 * Two people are no longer friends: each leaves the other's groups. Call it in
 * the transaction that ends the friendship (unfriend, and any other path that
 * deletes friendships), so a later re-friending does not silently put them
 * back into groups they were once in.
 */
export async function leaveEachOthersGroups(tx: Prisma.TransactionClient, a: number, b: number): Promise<void> {
  await tx.$executeRaw`
    DELETE FROM friend_group_members m USING friend_groups g
    WHERE m.group_id = g.id
      AND ((g.owner_id = ${a} AND m.user_id = ${b}) OR (g.owner_id = ${b} AND m.user_id = ${a}))`;
}
