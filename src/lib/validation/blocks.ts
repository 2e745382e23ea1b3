import { z } from "zod";

const id = z.coerce.number().int().positive().max(2147483647);

// .strict(): a forged form carrying extra fields is refused.
export const blockRefSchema = z.object({ userId: id }).strict();
export type BlockRefInput = z.infer<typeof blockRefSchema>;
