// Why someone reports an item or a user. Shared by the form (radio group),
// the zod schema and the admin page; each has a label under "reports.reason".
export const REPORT_REASONS = ["spam", "harassment", "hate", "violence", "sexual", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_NOTE_MAX_CHARS = 500;
