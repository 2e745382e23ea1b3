import { z } from "zod";
import { REPORT_NOTE_MAX_CHARS, REPORT_REASONS } from "@/lib/report-reasons";
import { text } from "./text";

export { REPORT_NOTE_MAX_CHARS, REPORT_REASONS };

const id = z.coerce.number().int().positive().max(2147483647);
const reason = z.enum(REPORT_REASONS, { message: "reportReasonRequired" });
const note = text(0, REPORT_NOTE_MAX_CHARS, { empty: "reportNoteTooLong", tooLong: "reportNoteTooLong" }).default("");

// .strict(): a forged form carrying extra fields (status, reporterId, ...) is refused.
export const reportItemSchema = z.object({ postId: id, reason, note }).strict();
export type ReportItemInput = z.infer<typeof reportItemSchema>;

export const reportUserSchema = z.object({ userId: id, reason, note }).strict();
export type ReportUserInput = z.infer<typeof reportUserSchema>;

export const reportRefSchema = z.object({ reportId: id }).strict();
export type ReportRefInput = z.infer<typeof reportRefSchema>;

/** /admin/reports?before=<id>: the next (older) page. */
export const reportListSchema = z.object({ before: id.optional() }).strict();
export type ReportListInput = z.infer<typeof reportListSchema>;
