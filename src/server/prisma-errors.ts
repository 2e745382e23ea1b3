import { Prisma } from "@/generated/prisma/client";

/**
 * For a unique violation (P2002), the violated constraint's fields or name
 * (e.g. "users_handle_key"), read only from the structured metadata; never
 * from the message, which quotes the caller's source code. Null otherwise.
 */
export function isUniqueViolation(err: unknown): string | null {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError) || err.code !== "P2002") return null;
  const meta = (err.meta ?? {}) as {
    target?: unknown;
    driverAdapterError?: { cause?: { constraint?: { fields?: unknown; index?: unknown } | unknown } };
  };
  const parts: unknown[] = [meta.target, meta.driverAdapterError?.cause?.constraint];
  return JSON.stringify(parts);
}
