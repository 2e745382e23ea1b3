import "server-only";
import { db } from "@/server/db";
import type { Relation } from "./audience";

export type Viewer = { id: number } | null;

/** How `viewer` stands towards `ownerId`, read from the database (two index lookups at most). */
export async function relationTo(viewer: Viewer, ownerId: number): Promise<Relation> {
  if (!viewer) return "anonymous";
  if (viewer.id === ownerId) return "owner";
  const [friend, follow] = await Promise.all([
    db.friendship.findUnique({ where: { userId_friendId: { userId: viewer.id, friendId: ownerId } }, select: { userId: true } }),
    db.follow.findUnique({ where: { followerId_followeeId: { followerId: viewer.id, followeeId: ownerId } }, select: { followerId: true } }),
  ]);
  if (friend) return "friend";
  if (follow) return "follower";
  return "stranger";
}
