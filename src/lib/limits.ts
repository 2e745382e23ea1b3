// Limits and measures shared by forms (client) and schemas (server). Kept
// free of zod so client bundles that only need a number don't carry it.

export const POST_MAX_CHARS = 2000;

/** Length in user-perceived characters (code points), so 汉字 and emoji count as one. */
export const charLength = (s: string) => [...s].length;
