import "server-only";
import type { Prisma } from "@/generated/prisma/client";

/**
 * Serialises every friendship change between two users (in either direction)
 * for the rest of the transaction, so two crossing requests sent at the same
 * moment end as one friendship instead of two pending requests.
 */
export async function lockPair(tx: Prisma.TransactionClient, a: number, b: number) {
  const [lo, hi] = a < b ? [a, b] : [b, a];
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(${lo}::int, ${hi}::int)::text`;
}
