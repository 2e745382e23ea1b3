"use server";
import { removeProfileImageSchema } from "@/lib/validation/profile-media";
import { removeAvatar } from "@/server/profile-media/remove-avatar";
import { removeCover } from "@/server/profile-media/remove-cover";
import { authedAction } from "./action-client";

// Uploading goes through POST /api/uploads (purpose avatar|cover); the job
// adopts the processed image. Only removal is an action.
export const removeAvatarAction = authedAction(removeProfileImageSchema, removeAvatar);
export const removeCoverAction = authedAction(removeProfileImageSchema, removeCover);
