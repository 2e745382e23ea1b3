import { Prisma } from "@/generated/prisma/client";

/** The violated unique constraint's fields/name as text when `err` is a unique violation (P2002), else null. */
export function isUniqueViolation(err: unknown): string | null {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
    return JSON.stringify(err.meta ?? {}) + err.message;
  }
  return null;
}
