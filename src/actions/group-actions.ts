"use server";
import { addGroupMembers } from "@/server/groups/add-group-members";
import { createGroup } from "@/server/groups/create-group";
import { deleteGroup } from "@/server/groups/delete-group";
import { removeGroupMembers } from "@/server/groups/remove-group-members";
import { renameGroup } from "@/server/groups/rename-group";
import { createGroupSchema, groupMembersSchema, groupRefSchema, renameGroupSchema } from "@/lib/validation/groups";
import { authedAction } from "./action-client";

export const createGroupAction = authedAction(createGroupSchema, createGroup);
export const renameGroupAction = authedAction(renameGroupSchema, renameGroup);
export const deleteGroupAction = authedAction(groupRefSchema, deleteGroup);
export const addGroupMembersAction = authedAction(groupMembersSchema, addGroupMembers);
export const removeGroupMembersAction = authedAction(groupMembersSchema, removeGroupMembers);
