import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { AppError } from "@/server/errors";
import { GROUPS_MAX, type CreateGroupInput } from "@/lib/validation/groups";
import { lockOwnerGroups } from "./group-lock";
import type { GroupView } from "./group-types";
import { loadGroup } from "./load-groups";
import { assertNameFree } from "./name-free";

/**
 * Creates an empty friend group owned by the viewer. Names are unique per
 * owner regardless of case ("groupNameTaken", next to the name), so a double
 * submit makes one group; at most GROUPS_MAX groups ("groupLimit").
 */
export async function createGroup(viewer: SignedInViewer, input: CreateGroupInput): Promise<GroupView> {
  return db.$transaction(async (tx) => {
    await lockOwnerGroups(tx, viewer.id);
    await assertNameFree(tx, viewer.id, input.name);
    if ((await tx.friendGroup.count({ where: { ownerId: viewer.id } })) >= GROUPS_MAX) throw new AppError("invalid", "groupLimit", "name");
    const group = await tx.friendGroup.create({ data: { ownerId: viewer.id, name: input.name }, select: { id: true } });
    return loadGroup(viewer.id, group.id, tx);
  });
}
