import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Audience } from "@/lib/audiences";

/** What an item's audience columns are set to (posts and albums share them). */
export type ResolvedAudience = { audience: Audience; audienceGroupIds: number[]; audienceUserIds: number[] };

type Choice = { audience: Audience; audienceGroupIds?: readonly number[]; audienceUserIds?: readonly number[] };
type Client = Prisma.TransactionClient | typeof db;

/**
 * Turns an audience choice from a form into the columns to write, for items
 * owned by `ownerId`. Every write that sets an audience calls it: a chosen
 * group must be one of the owner's own groups and a chosen user one of the
 * owner's current friends, otherwise the write is refused (a validation
 * error on that field) before anything is written. Any other audience
 * clears the lists, so an item never keeps stale chosen viewers.
 */
export async function resolveAudience(ownerId: number, choice: Choice, client: Client = db): Promise<ResolvedAudience> {
  if (choice.audience !== "CUSTOM") return { audience: choice.audience, audienceGroupIds: [], audienceUserIds: [] };
  const groupIds = [...new Set(choice.audienceGroupIds ?? [])].sort((a, b) => a - b);
  const userIds = [...new Set(choice.audienceUserIds ?? [])].sort((a, b) => a - b);
  if (!groupIds.length && !userIds.length) throw new AppError("invalid", "audienceChooseSomeone", "audience");
  const [groups, friends] = await Promise.all([
    groupIds.length ? client.friendGroup.count({ where: { ownerId, id: { in: groupIds } } }) : 0,
    userIds.length ? client.friendship.count({ where: { userId: ownerId, friendId: { in: userIds } } }) : 0,
  ]);
  // Someone else's group, a made-up id, a stranger or an ex-friend: all the same refusal.
  if (groups !== groupIds.length) throw new AppError("invalid", "audienceGroupInvalid", "audienceGroupIds");
  if (friends !== userIds.length) throw new AppError("invalid", "audienceFriendInvalid", "audienceUserIds");
  return { audience: "CUSTOM", audienceGroupIds: groupIds, audienceUserIds: userIds };
}
