// The fan-out queue (pg-boss's job rows) and what the fan-out delivered
// (feed_entries rows per post), read straight from Postgres.
import type pg from "pg";
import { sleep, summarize } from "../../lib/posting-app";

const QUEUE = "feed-fanout";

/** Waits until no fan-out job is pending or running (ours or anyone's on this database). */
export async function drainQueue(pool: pg.Pool, timeoutMs = 120_000): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry', 'active')`,
      [QUEUE],
    );
    if (rows[0]!.n === 0) return Date.now() - t0;
    if (Date.now() - t0 > timeoutMs) throw new Error(`fan-out queue did not drain in ${timeoutMs} ms (${rows[0]!.n} pending)`);
    await sleep(100);
  }
}

type JobRow = { post_id: number; state: string; created_on: Date; started_on: Date | null; completed_on: Date | null; retry_count: number };

export async function jobsFor(pool: pg.Pool, postIds: number[]): Promise<JobRow[]> {
  const { rows } = await pool.query<JobRow>(
    `SELECT (data->>'postId')::int AS post_id, state::text AS state, created_on, started_on, completed_on, retry_count
     FROM pgboss.job WHERE name = $1 AND (data->>'postId')::int = ANY($2::int[])`,
    [QUEUE, postIds],
  );
  return rows;
}

/** For each post: its author's audience size (followers and friends with an inbox) and the inbox rows it actually got. */
export async function deliveries(pool: pg.Pool, postIds: number[]): Promise<Map<number, { expected: number; written: number }>> {
  const { rows } = await pool.query<{ id: number; expected: number; written: number }>(
    `SELECT p.id,
       (SELECT count(*) FROM (SELECT follower_id AS u FROM follows WHERE followee_id = p.author_id
                              UNION SELECT friend_id FROM friendships WHERE user_id = p.author_id) s
          JOIN feed_states f ON f.user_id = s.u)::int AS expected,
       (SELECT count(*) FROM (SELECT follower_id AS u FROM follows WHERE followee_id = p.author_id
                              UNION SELECT friend_id FROM friendships WHERE user_id = p.author_id) s
          JOIN feed_entries e ON e.user_id = s.u AND e.post_id = p.id)::int AS written
     FROM posts p WHERE p.id = ANY($1::int[])`,
    [postIds],
  );
  return new Map(rows.map((r) => [r.id, { expected: r.expected, written: r.written }]));
}

export async function jobTimings(pool: pg.Pool, postIds: number[]) {
  const jobs = (await jobsFor(pool, postIds)).filter((j) => j.started_on && j.completed_on);
  return {
    waitMs: summarize(jobs.map((j) => j.started_on!.getTime() - j.created_on.getTime())),
    createToCompleteMs: summarize(jobs.map((j) => j.completed_on!.getTime() - j.created_on.getTime())),
  };
}
