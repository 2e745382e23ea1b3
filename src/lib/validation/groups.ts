import { z } from "zod";
import { text } from "./text";

// Friend groups (好友分组): an owner's named sets of their friends, chosen
// as an item's audience. Shared by the groups page and the actions.
export const GROUP_NAME_MAX = 30;
/** Enough for any way of sorting friends; keeps the picker and each item's list small. */
export const GROUPS_MAX = 50;
/** Friends added or removed at once (the picker's selection). */
export const GROUP_MEMBERS_BATCH_MAX = 200;

const id = z.coerce.number({ message: "invalid" }).int().positive().max(2147483647);

export const groupNameSchema = text(1, GROUP_NAME_MAX, { empty: "groupNameEmpty", tooLong: "groupNameTooLong" });

// .strict(): a forged form carrying extra fields (ownerId, ...) is refused.
export const createGroupSchema = z.object({ name: groupNameSchema }).strict();
export type CreateGroupInput = z.infer<typeof createGroupSchema>;

export const renameGroupSchema = z.object({ groupId: id, name: groupNameSchema }).strict();
export type RenameGroupInput = z.infer<typeof renameGroupSchema>;

export const groupRefSchema = z.object({ groupId: id }).strict();
export type GroupRef = z.infer<typeof groupRefSchema>;

export const groupMembersSchema = z
  .object({
    groupId: id,
    userIds: z
      .array(id, { message: "groupChooseFriends" })
      .min(1, { message: "groupChooseFriends" })
      .max(GROUP_MEMBERS_BATCH_MAX, { message: "groupChooseFriends" })
      .transform((list) => [...new Set(list)].sort((a, b) => a - b)),
  })
  .strict();
export type GroupMembersInput = z.infer<typeof groupMembersSchema>;
