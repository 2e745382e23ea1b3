import "server-only";

type RawTx = { $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number> };

/** Advisory-lock namespace of "one owner's media and albums" (first key of the two-int form). */
const OWNER_MEDIA_LOCK = 7301;

/**
 * Serialises a transaction with the owner's other uploads and album changes
 * (held until it ends). Uploads take it so concurrent ones cannot overrun the
 * quota together; album changes take it so an upload never reads an album's
 * old audience into a new batch post, or joins a batch that is being deleted.
 */
export async function lockOwnerMedia(tx: RawTx, ownerId: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${OWNER_MEDIA_LOCK}, ${ownerId})`;
}
