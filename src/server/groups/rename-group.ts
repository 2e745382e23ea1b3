import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { notFound } from "@/server/errors";
import type { RenameGroupInput } from "@/lib/validation/groups";
import { lockOwnerGroups } from "./group-lock";
import type { GroupView } from "./group-types";
import { loadGroup } from "./load-groups";
import { assertNameFree } from "./name-free";

/** Renames one of the viewer's groups; someone else's group answers like a missing one. */
export async function renameGroup(viewer: SignedInViewer, input: RenameGroupInput): Promise<GroupView> {
  return db.$transaction(async (tx) => {
    await lockOwnerGroups(tx, viewer.id);
    const group = await tx.friendGroup.findFirst({ where: { id: input.groupId, ownerId: viewer.id }, select: { id: true } });
    if (!group) throw notFound();
    await assertNameFree(tx, viewer.id, input.name, group.id);
    await tx.friendGroup.update({ where: { id: group.id }, data: { name: input.name } });
    return loadGroup(viewer.id, group.id, tx);
  });
}
