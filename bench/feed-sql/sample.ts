// Which users the feed SQL floor measures: a stratified sample of each
// follow-count bucket (users with an inbox), and each one's page cursors.
import { MAX_POST_ID } from "../../src/server/feed/feed-row";
import { BUCKETS, DEEP_ITEM, USERS_PER_BUCKET, type Page } from "./config";
import { client, hybrid } from "./queries";

export type Sampled = { id: number; following: number; bucket: string; horizon: number; trimmedAt: Date; cursors: Partial<Record<Page, number>> };

export async function sampleUsers() {
  const { rows } = await client.query<{ id: number; n: number; horizon: number | null; trimmed_at: Date | null }>(`
    SELECT u.id, x.n, s.horizon, s.trimmed_at
    FROM users u
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS n FROM (
        SELECT friend_id FROM friendships WHERE user_id = u.id
        UNION SELECT followee_id FROM follows WHERE follower_id = u.id
      ) o
    ) x
    LEFT JOIN feed_states s ON s.user_id = u.id
    ORDER BY x.n, u.id`);
  const population: Record<string, number> = {};
  const sampled: Sampled[] = [];
  let withoutInbox = 0;
  for (const b of BUCKETS) {
    const all = rows.filter((r) => r.n >= b.lo && r.n <= b.hi);
    population[b.label] = all.length;
    const inBucket = all.filter((r) => r.horizon !== null);
    withoutInbox += all.length - inBucket.length;
    // Evenly spaced ranks over the bucket sorted by following count: deterministic and stratified.
    const k = Math.min(USERS_PER_BUCKET, inBucket.length);
    for (let i = 0; i < k; i++) {
      const r = inBucket[Math.floor(((i + 0.5) * inBucket.length) / k)]!;
      sampled.push({ id: r.id, following: r.n, bucket: b.label, horizon: r.horizon!, trimmedAt: r.trimmed_at!, cursors: { first: MAX_POST_ID } });
    }
  }
  const maxFollowing = rows.length ? rows[rows.length - 1]!.n : 0;
  return { sampled, population, withoutInbox, maxFollowing };
}

/** Sets each sampled user's deep and past-horizon cursors (the first page's is MAX_POST_ID). */
export async function setCursors(sampled: Sampled[]): Promise<void> {
  // Cursors: the ~200th item of the user's feed, and the inbox horizon. The feed's top 200 is read
  // the hybrid way with a limit of 200 (cheap; the pull with a per-source limit of 200 takes seconds
  // for heavy users); the warm-up pass then checks every page against the pull query anyway.
  for (const u of sampled) {
    const r = await hybrid(u.id, MAX_POST_ID, DEEP_ITEM);
    if (r.rows.length >= DEEP_ITEM) u.cursors.deep = r.rows[DEEP_ITEM - 1]!.id;
    if (u.horizon > 0) u.cursors["past-horizon"] = u.horizon;
  }
}
