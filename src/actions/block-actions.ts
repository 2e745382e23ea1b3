"use server";
import { blockUser } from "@/server/blocks/block-user";
import { unblockUser } from "@/server/blocks/unblock-user";
import { blockRefSchema } from "@/lib/validation/blocks";
import { authedAction } from "./action-client";

export const blockUserAction = authedAction(blockRefSchema, blockUser);
export const unblockUserAction = authedAction(blockRefSchema, unblockUser);
