import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { AppError, notFound } from "@/server/errors";
import { lockPair } from "@/server/social/pair-lock";
import type { GroupMembersInput } from "@/lib/validation/groups";
import type { GroupView } from "./group-types";
import { loadGroup } from "./load-groups";

/**
 * Adds friends to one of the viewer's groups. Only the viewer's current
 * friends may be added: any other id (a stranger, an ex-friend, a made-up
 * one) refuses the whole request and adds nobody. Each pair's friendship lock
 * is held meanwhile, so a friend unfriending at the same moment is either
 * removed from the group by unfriend() or never added. Adding a member twice
 * is a no-op (a retry is harmless).
 */
export async function addGroupMembers(viewer: SignedInViewer, input: GroupMembersInput): Promise<GroupView> {
  return db.$transaction(async (tx) => {
    const group = await tx.friendGroup.findFirst({ where: { id: input.groupId, ownerId: viewer.id }, select: { id: true } });
    if (!group) throw notFound();
    // One global order (by the pair's lower id, then higher), so concurrent adds never wait on each other in a cycle.
    const pairKey = (u: number) => (viewer.id < u ? [viewer.id, u] : [u, viewer.id]) as [number, number];
    const ordered = [...input.userIds].sort((a, b) => {
      const [ka, kb] = [pairKey(a), pairKey(b)];
      return ka[0] - kb[0] || ka[1] - kb[1];
    });
    for (const userId of ordered) await lockPair(tx, viewer.id, userId);
    const friends = await tx.friendship.count({ where: { userId: viewer.id, friendId: { in: input.userIds } } });
    if (friends !== input.userIds.length) throw new AppError("invalid", "groupMemberNotFriend", "userIds");
    await tx.friendGroupMember.createMany({ data: input.userIds.map((userId) => ({ groupId: group.id, userId })), skipDuplicates: true });
    return loadGroup(viewer.id, group.id, tx);
  });
}
