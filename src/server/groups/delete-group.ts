import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { notFound } from "@/server/errors";
import type { GroupRef } from "@/lib/validation/groups";

/**
 * Deletes one of the viewer's groups and its memberships (cascade). Items
 * shown to the group are seen by its former members no more (the privacy
 * module reads memberships); the group's id is also taken out of those items'
 * lists in the same transaction, so nothing points at a group that is gone.
 * Friends chosen by name on those items keep seeing them. Someone else's
 * group answers like a missing one and nothing changes.
 */
export async function deleteGroup(viewer: SignedInViewer, input: GroupRef): Promise<{ groupId: number }> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.friendGroup.deleteMany({ where: { id: input.groupId, ownerId: viewer.id } });
    if (count === 0) throw notFound();
    await tx.$executeRaw`
      UPDATE posts SET audience_group_ids = array_remove(audience_group_ids, ${input.groupId}::int)
      WHERE author_id = ${viewer.id} AND ${input.groupId}::int = ANY(audience_group_ids)`;
    await tx.$executeRaw`
      UPDATE albums SET audience_group_ids = array_remove(audience_group_ids, ${input.groupId}::int)
      WHERE owner_id = ${viewer.id} AND ${input.groupId}::int = ANY(audience_group_ids)`;
  });
  return { groupId: input.groupId };
}
