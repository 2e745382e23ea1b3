"use server";
import { cancelFriendRequest } from "@/server/social/cancel-friend-request";
import { follow, unfollow } from "@/server/social/follow";
import { respondFriendRequest } from "@/server/social/respond-friend-request";
import { sendFriendRequest } from "@/server/social/send-friend-request";
import { unfriend } from "@/server/social/unfriend";
import { respondRequestSchema, userRefSchema } from "@/lib/validation/user";
import { authedAction } from "./action-client";

export const sendFriendRequestAction = authedAction(userRefSchema, sendFriendRequest);
export const cancelFriendRequestAction = authedAction(userRefSchema, cancelFriendRequest);
export const respondFriendRequestAction = authedAction(respondRequestSchema, respondFriendRequest);
export const unfriendAction = authedAction(userRefSchema, unfriend);
export const followAction = authedAction(userRefSchema, follow);
export const unfollowAction = authedAction(userRefSchema, unfollow);
