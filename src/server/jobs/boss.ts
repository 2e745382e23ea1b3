import "server-only";
import PgBoss from "pg-boss";
import { databaseUrl } from "@/server/env";

// The job queue: pg-boss on the app's own Postgres (no extra service).
// Jobs can be enqueued inside the caller's transaction (see enqueueInTx), so
// a job exists if and only if the row it is about was committed.

export const QUEUES = {
  /** Deliver a new post to its audience's inboxes: { postId }. */
  feedFanOut: "feed-fanout",
  /** Resize / poster / cover art for an upload: { mediaId }. */
  mediaProcess: "media-process",
  /** Periodic removal of upload leftovers (src/server/media/cleanup.ts). */
  mediaCleanup: "media-cleanup",
  /** Daily removal of visits older than the retention period (src/server/visitors/prune-visits.ts). */
  visitsCleanup: "visits-cleanup",
} as const;

const globalForBoss = globalThis as unknown as { kongjianBoss?: Promise<PgBoss> };

/** The started pg-boss instance for this process (created on first use). */
export function getBoss(): Promise<PgBoss> {
  globalForBoss.kongjianBoss ??= (async () => {
    const boss = new PgBoss({ connectionString: databaseUrl(), max: 3, application_name: "kongjian-jobs" });
    boss.on("error", (err) => console.error("[jobs]", err));
    await boss.start();
    // One at a time: creating queues concurrently on a fresh database deadlocks in Postgres.
    for (const name of Object.values(QUEUES)) await boss.createQueue(name);
    return boss;
  })().catch((err) => {
    // Don't keep a failed start: the next caller tries again.
    globalForBoss.kongjianBoss = undefined;
    throw err;
  });
  return globalForBoss.kongjianBoss;
}

/** Media processing retries quickly and gives up sooner: its owner is waiting to see the result. */
export const RETRIES: Record<string, { retryLimit: number; retryDelay?: number; retryBackoff?: boolean }> = {
  [QUEUES.feedFanOut]: { retryLimit: 5, retryBackoff: true },
  [QUEUES.mediaProcess]: { retryLimit: Number(process.env.MEDIA_RETRY_LIMIT ?? 2), retryDelay: 1, retryBackoff: true },
};

type RawTx = { $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> };

/**
 * Enqueues a job as part of the caller's Prisma transaction: it commits or
 * rolls back with it. Take the boss with getBoss() BEFORE opening the
 * transaction: starting pg-boss inside one would wait on another connection
 * (a deadlock on the single-session embedded Postgres).
 */
export async function enqueueInTx(boss: PgBoss, tx: RawTx, queue: string, data: object) {
  await boss.send(queue, data, {
    ...RETRIES[queue],
    db: { executeSql: async (text, values) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }) },
  });
}
