import { db } from "@/server/db";

/**
 * `blocker` blocks `blocked`. TEMPORARY: writes what blocking writes (the block,
 * no friendship, no follows either way) until src/server/blocks lands.
 */
export async function blockForTest(blocker: { id: number }, blocked: { id: number }) {
  const pair = [blocker.id, blocked.id];
  await db.$transaction([
    db.block.create({ data: { blockerId: blocker.id, blockedId: blocked.id } }),
    db.friendship.deleteMany({ where: { userId: { in: pair }, friendId: { in: pair } } }),
    db.follow.deleteMany({ where: { followerId: { in: pair }, followeeId: { in: pair } } }),
  ]);
}
