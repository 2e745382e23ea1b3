import "server-only";

type RawTx = { $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number> };

/** Advisory-lock namespace of "one owner's friend groups" (first key of the two-int form; see media/owner-lock.ts). */
const OWNER_GROUPS_LOCK = 7303;

/**
 * Serialises changes to one owner's set of groups for the rest of the
 * transaction, so two creates or renames at once cannot both take a name
 * (compared case-insensitively, which the unique index does not do) or both
 * slip under the limit.
 */
export async function lockOwnerGroups(tx: RawTx, ownerId: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${OWNER_GROUPS_LOCK}, ${ownerId})`;
}
