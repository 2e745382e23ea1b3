import { z } from "zod";

import { charLength } from "@/lib/limits";

export { charLength };

// Control characters (other than newline/tab), bidi overrides/marks and
// invisible separators have no place in user text and
// can be used to spoof how names render.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u061C\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/g;
export const stripControl = (s: string) => s.replace(CONTROL, "");

/** Trimmed text between min and max characters; messages are i18n keys under "errors". */
export function text(min: number, max: number, keys: { empty: string; tooLong: string }) {
  return z
    .string({ error: keys.empty })
    .transform((s) => stripControl(s).trim())
    .refine((s) => charLength(s) >= min, { message: keys.empty })
    .refine((s) => charLength(s) <= max, { message: keys.tooLong });
}
