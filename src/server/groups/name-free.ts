import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/server/errors";

/**
 * Refuses a name another of the owner's groups already has, ignoring case
 * ("Family" and "family" would be indistinguishable in the picker). Call it
 * under lockOwnerGroups so the check and the write are one step.
 */
export async function assertNameFree(tx: Prisma.TransactionClient, ownerId: number, name: string, exceptGroupId?: number) {
  const [taken] = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM friend_groups
    WHERE owner_id = ${ownerId} AND lower(name) = lower(${name}) AND id <> ${exceptGroupId ?? 0}
    LIMIT 1`;
  if (taken) throw new AppError("conflict", "groupNameTaken", "name");
}
