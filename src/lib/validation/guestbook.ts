import { z } from "zod";
import { text } from "./text";

export const GUESTBOOK_MAX_CHARS = 1000;

const id = z.coerce.number().int().positive().max(2147483647);
const handle = z.string().min(1).max(40);
const messageText = text(1, GUESTBOOK_MAX_CHARS, { empty: "guestbookEmpty", tooLong: "guestbookTooLong" });

// .strict(): a forged form carrying extra fields (authorId, approved, ...) is refused.
export const leaveMessageSchema = z
  .object({
    handle,
    body: messageText,
    private: z.boolean().default(false),
    clientKey: z.uuid({ message: "invalid" }).optional(),
  })
  .strict();
export type LeaveMessageInput = z.infer<typeof leaveMessageSchema>;

export const messageRefSchema = z.object({ entryId: id }).strict();
export type MessageRefInput = z.infer<typeof messageRefSchema>;

export const replyMessageSchema = z
  .object({ entryId: id, reply: text(1, GUESTBOOK_MAX_CHARS, { empty: "guestbookReplyEmpty", tooLong: "guestbookTooLong" }) })
  .strict();
export type ReplyMessageInput = z.infer<typeof replyMessageSchema>;

export const setApprovalSchema = z.object({ enabled: z.boolean() }).strict();
export type SetApprovalInput = z.infer<typeof setApprovalSchema>;

export const listMessagesSchema = z.object({ handle, before: id.optional() }).strict();
export type ListMessagesInput = z.infer<typeof listMessagesSchema>;
