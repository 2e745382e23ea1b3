// Comment limits shared by the form (client) and the schema (server); free of
// zod so the comment box does not ship it.
export { charLength } from "@/lib/limits";

export const COMMENT_MAX_CHARS = 500;
