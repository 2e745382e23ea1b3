"use server";
import { getViewer } from "@/server/auth/viewer";
import { approveMessage } from "@/server/guestbook/approve-message";
import { deleteMessage } from "@/server/guestbook/delete-message";
import { leaveMessage } from "@/server/guestbook/leave-message";
import { listMessages } from "@/server/guestbook/list-messages";
import { replyMessage } from "@/server/guestbook/reply-message";
import { setApproval } from "@/server/guestbook/set-approval";
import { leaveMessageSchema, listMessagesSchema, messageRefSchema, replyMessageSchema, setApprovalSchema } from "@/lib/validation/guestbook";
import { authedAction, publicAction } from "./action-client";

export const leaveMessageAction = authedAction(leaveMessageSchema, leaveMessage);
export const replyMessageAction = authedAction(replyMessageSchema, replyMessage);
export const deleteMessageAction = authedAction(messageRefSchema, deleteMessage);
export const approveMessageAction = authedAction(messageRefSchema, approveMessage);
export const setGuestbookApprovalAction = authedAction(setApprovalSchema, setApproval);
// "Load more" is open to signed-out visitors too: they see what the privacy rule gives anonymous viewers.
export const listMessagesAction = publicAction(listMessagesSchema, async (input) => listMessages(await getViewer(), input));
