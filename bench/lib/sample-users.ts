// A fixed, deterministic sample of bench users for the HTTP workloads:
// evenly spaced over user ids, so it mixes the popular, heavy-following low
// ids with the long tail in the population's own proportions. Each user is
// labelled with their feed-source bucket (friends + followed people).
import pg from "pg";

export type SampleUser = { id: number; handle: string; sessionVersion: number; sources: number; bucket: string; hasInbox: boolean };

export const BUCKETS: { name: string; max: number }[] = [
  { name: "0-10", max: 10 },
  { name: "11-100", max: 100 },
  { name: "101-500", max: 500 },
  { name: "501-2000", max: 2000 },
  { name: "2001+", max: Infinity },
];

export function bucketOf(sources: number): string {
  return BUCKETS.find((b) => sources <= b.max)!.name;
}

export async function sampleUsers(databaseUrl: string, n = 200): Promise<{ users: SampleUser[]; buckets: Record<string, number> }> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const { rows: ids } = await c.query<{ id: number }>("SELECT id FROM users WHERE email LIKE 'b%@bench.local' ORDER BY id");
    if (!ids.length) throw new Error("no bench users: run `npm run bench:seed -- --tier <tier>` first");
    const picked = new Set<number>();
    const k = Math.min(n, ids.length);
    for (let i = 0; i < k; i++) picked.add(ids[Math.floor((i * ids.length) / k)]!.id);
    const { rows } = await c.query<{ id: number; handle: string; session_version: number; sources: number; has_inbox: boolean }>(
      `SELECT u.id, u.handle, u.session_version,
              ((SELECT count(*) FROM friendships WHERE user_id = u.id) + (SELECT count(*) FROM follows WHERE follower_id = u.id))::int AS sources,
              EXISTS (SELECT 1 FROM feed_states s WHERE s.user_id = u.id) AS has_inbox
       FROM users u WHERE u.id = ANY($1::int[]) ORDER BY u.id`,
      [[...picked]],
    );
    const users = rows.map((r) => ({ id: r.id, handle: r.handle, sessionVersion: r.session_version, sources: r.sources, bucket: bucketOf(r.sources), hasInbox: r.has_inbox }));
    const buckets: Record<string, number> = {};
    for (const b of BUCKETS) buckets[b.name] = users.filter((u) => u.bucket === b.name).length;
    return { users, buckets };
  } finally {
    await c.end();
  }
}

/** True when the tier's database exists and its seed finished (bench/results/seed-<tier>.json is written last, but check the data itself). */
export async function tierReady(databaseUrl: string): Promise<{ ok: boolean; reason?: string }> {
  const c = new pg.Client({ connectionString: databaseUrl });
  try {
    await c.connect();
  } catch (e) {
    return { ok: false, reason: `cannot connect to ${new URL(databaseUrl).pathname.slice(1)}: ${(e as Error).message}` };
  }
  try {
    const { rows } = await c.query<{ users: number; states: number }>(
      "SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM feed_states)::int AS states",
    );
    const r = rows[0]!;
    if (!r.users) return { ok: false, reason: "no users" };
    if (r.states < r.users) return { ok: false, reason: `only ${r.states} of ${r.users} users have an inbox (seed still running, or seeded --no-inboxes)` };
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  } finally {
    await c.end();
  }
}
