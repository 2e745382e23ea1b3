import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { notFound } from "@/server/errors";
import type { GroupMembersInput } from "@/lib/validation/groups";
import type { GroupView } from "./group-types";
import { loadGroup } from "./load-groups";

/**
 * Takes people out of one of the viewer's groups (ids not in it are ignored,
 * so a retry is harmless). From then on they no longer see what was shown to
 * the group. Someone else's group answers like a missing one.
 */
export async function removeGroupMembers(viewer: SignedInViewer, input: GroupMembersInput): Promise<GroupView> {
  return db.$transaction(async (tx) => {
    const group = await tx.friendGroup.findFirst({ where: { id: input.groupId, ownerId: viewer.id }, select: { id: true } });
    if (!group) throw notFound();
    await tx.friendGroupMember.deleteMany({ where: { groupId: group.id, userId: { in: input.userIds } } });
    return loadGroup(viewer.id, group.id, tx);
  });
}
