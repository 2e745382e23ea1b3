import "server-only";
import { db } from "@/server/db";
import { oldestKeptDay } from "./visit-day";

// Deleted in slices so a large backlog never holds long locks on the table.
const BATCH = 5_000;

/** Deletes visits older than the retention period (run daily by the job queue). Returns how many. */
export async function pruneVisits(opts: { now?: Date; retentionDays?: number } = {}): Promise<number> {
  const cutoff = oldestKeptDay(opts.now ?? new Date(), opts.retentionDays);
  let total = 0;
  for (;;) {
    const n = await db.$executeRaw`
      DELETE FROM visits WHERE ctid IN (SELECT ctid FROM visits WHERE day < ${cutoff}::date LIMIT ${BATCH})`;
    total += n;
    if (n < BATCH) return total;
  }
}
