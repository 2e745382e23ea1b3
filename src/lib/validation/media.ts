import { z } from "zod";
import { PURPOSES } from "@/server/media/purposes";

const id = z.coerce.number().int().positive().max(2147483647);
const fraction = z.number().min(0).max(1);

/**
 * An upload's query string (the body is the file itself, streamed): what it
 * is for, the client's idempotency key, and per purpose its album and batch
 * (photos) or crop square (avatar). The file name is display-only.
 */
export const uploadQuerySchema = z
  .object({
    purpose: z.enum(PURPOSES, { message: "invalid" }),
    name: z.string().max(1000).optional(),
    clientKey: z.uuid({ message: "invalid" }).optional(),
    albumId: id.optional(),
    batch: z.uuid({ message: "invalid" }).optional(),
    crop: z
      .string()
      .regex(/^[\d.]+,[\d.]+,[\d.]+$/)
      .transform((s) => s.split(",").map(Number))
      .pipe(z.tuple([fraction, fraction, fraction]))
      .transform(([left, top, size]) => ({ left, top, size }))
      // size is a fraction of the shorter side; the renderer keeps the square inside the image.
      .refine((c) => c.size > 0, { message: "invalid" })
      .optional(),
  })
  .strict();
export type UploadQuery = z.infer<typeof uploadQuerySchema>;

export const mediaRefSchema = z.object({ mediaId: id }).strict();
