// What keeping inboxes costs: building one on a first visit, the hourly trim
// and a post's fan-out INSERT (each in a transaction rolled back), and the
// size of feed_entries.
import { MAX_POST_ID, type FeedRow } from "../../src/server/feed/feed-row";
import { median, round } from "../lib/stats";
import { fanOutStatement, HOT_THRESHOLD, INBOX_CAP, render } from "../sql/app-sql";
import { BUCKETS, BUILD_REPS, BUILD_SAMPLE, FANOUT_AUTHORS_PER_TARGET, FANOUT_REPS } from "./config";
import { client, inboxPage, pullSql, run, sql } from "./queries";
import type { Sampled } from "./sample";

async function inTransaction<T>(fn: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    return await fn();
  } finally {
    await client.query("ROLLBACK");
  }
}

/**
 * A first visit by a user without an inbox, as readInbox() runs it: the inbox
 * page read (no state row), ensureInbox() (state row, regular pull of the
 * cap, insert, horizon), the page read again. After deleting the user's
 * inbox, in a transaction rolled back.
 */
async function measureInboxBuild(userId: number) {
  return inTransaction(async () => {
    await client.query("DELETE FROM feed_entries WHERE user_id = $1", [userId]);
    await client.query("DELETE FROM feed_states WHERE user_id = $1", [userId]);
    const t0 = performance.now();
    const before = await inboxPage(userId, MAX_POST_ID);
    if (before.state) throw new Error("feed_states row still there");
    const tb = performance.now();
    const created = await run(render(sql, "inbox.ensure_create_state", { userId: { value: userId }, MAX_POST_ID: { value: MAX_POST_ID } }));
    if (created.rowCount !== 1) throw new Error("ensureInbox's state insert did nothing");
    const pull = await run<FeedRow>(pullSql(userId, MAX_POST_ID, INBOX_CAP, "regular"));
    let insertMs = 0;
    if (pull.rows.length) {
      const ins = await run(
        render(sql, "inbox.ensure_insert_entries", {
          userId: { value: userId },
          ids: { value: pull.rows.map((r) => r.id) },
          authors: { value: pull.rows.map((r) => r.author_id) },
        }),
      );
      insertMs = ins.ms;
    }
    const horizon = pull.rows.length < INBOX_CAP ? 0 : pull.rows[pull.rows.length - 1]!.id;
    await run(render(sql, "inbox.ensure_set_horizon", { horizon: { value: horizon }, userId: { value: userId } }));
    const buildMs = performance.now() - tb;
    await inboxPage(userId, MAX_POST_ID);
    return { totalMs: buildMs, firstReadMs: performance.now() - t0, pullMs: pull.ms, insertMs, entries: pull.rows.length };
  });
}

/** trimInbox() (run by ensureInbox once an hour per user); rolled back. */
async function measureTrim(userId: number) {
  return inTransaction(async () => {
    const t0 = performance.now();
    const cut = await run<{ post_id: number }>(render(sql, "inbox.trim_cut", { userId: { value: userId }, "inboxCap() - 1": { value: INBOX_CAP - 1 } }));
    const c = cut.rows[0];
    let deleted = 0;
    if (c) deleted = (await run(render(sql, "inbox.trim_delete", { userId: { value: userId }, "cut.post_id": { value: c.post_id } }))).rowCount;
    await run(render(sql, "inbox.trim_update", { "cut?.post_id ?? 0": { value: c?.post_id ?? 0 }, userId: { value: userId } }));
    return { ms: performance.now() - t0, deleted };
  });
}

let probeId = 2_000_000_000; // ids for the rolled-back probe posts, far above the sequence, never committed

/** fanOutPost() (src/server/feed/fan-out.ts) for a fresh post by `authorId`; rolled back. */
async function measureFanOut(authorId: number) {
  return inTransaction(async () => {
    const postId = probeId++;
    await client.query(`INSERT INTO posts (id, author_id, body, audience) VALUES ($1, $2, 'bench fan-out probe', 'PUBLIC')`, [postId, authorId]);
    const t0 = performance.now();
    const post = await run<{ author_id: number; audience: string }>(render(sql, "fan-out.post", { postId: { value: postId } }));
    const a = post.rows[0]!.author_id;
    const count = await run<{ n: number }>(render(sql, "fan-out.count_sources", { "post.author_id": { value: a }, "limit + 1": { value: HOT_THRESHOLD + 1 } }));
    if (count.rows[0]!.n > HOT_THRESHOLD) return { hot: true, insertMs: 0, jobMs: performance.now() - t0, delivered: 0 };
    const ins = await run(fanOutStatement(postId, a));
    return { hot: false, insertMs: ins.ms, jobMs: performance.now() - t0, delivered: ins.rowCount };
  });
}

export type InboxBuild = { userId: number; following: number; bucket: string; totalMs: number; firstReadMs: number; pullMs: number; insertMs: number; entries: number; trimMs: number; trimDeleted: number };

/** Inbox build + trim for some of the sampled users, each build after a warm-up. */
export async function measureInboxBuilds(sampled: Sampled[]): Promise<InboxBuild[]> {
  // Inbox build + trim: a stratified sample (round-robin over the buckets' samples).
  const byBucket = BUCKETS.map((b) => sampled.filter((u) => u.bucket === b.label)).filter((xs) => xs.length);
  const buildUsers: Sampled[] = [];
  const perBucket = Math.ceil(BUILD_SAMPLE / Math.max(1, byBucket.length));
  for (let i = 0; i < perBucket; i++) {
    for (const xs of byBucket) {
      const k = Math.min(perBucket, xs.length);
      if (i < k && buildUsers.length < BUILD_SAMPLE) buildUsers.push(xs[Math.floor(((i + 0.5) * xs.length) / k)]!);
    }
  }
  const builds: InboxBuild[] = [];
  for (const u of buildUsers) {
    await measureInboxBuild(u.id); // warm-up
    const reps = [];
    for (let r = 0; r < BUILD_REPS; r++) reps.push(await measureInboxBuild(u.id));
    const trim = await measureTrim(u.id);
    builds.push({
      userId: u.id,
      following: u.following,
      bucket: u.bucket,
      totalMs: median(reps.map((x) => x.totalMs)),
      firstReadMs: median(reps.map((x) => x.firstReadMs)),
      pullMs: median(reps.map((x) => x.pullMs)),
      insertMs: median(reps.map((x) => x.insertMs)),
      entries: reps[0]!.entries,
      trimMs: trim.ms,
      trimDeleted: trim.deleted,
    });
  }
  return builds;
}

export type FanOutResult = { target: string; author: number; sources: number; delivered: number; insertMs: number; jobMs: number; insertMsPerRep: number[] };

/** Fan-out INSERT cost by reach, each author's after a warm-up. */
export async function measureFanOuts(): Promise<{ fanOut: FanOutResult[]; fanOutSkipped: string[] }> {
  // Fan-out: authors whose posts reach ~10, ~100, ~1000 and the most users.
  const { rows: reach } = await client.query<{ author: number; n: number }>(`
    SELECT a AS author, count(*)::int AS n FROM (
      SELECT followee_id AS a, follower_id AS r FROM follows
      UNION SELECT user_id, friend_id FROM friendships
    ) x GROUP BY a ORDER BY n DESC, a`);
  const targets: Array<{ label: string; authors: typeof reach }> = [];
  const fanOutSkipped: string[] = [];
  for (const target of [10, 100, 1000]) {
    const near = [...reach]
      .filter((r) => r.n <= HOT_THRESHOLD)
      .sort((x, y) => Math.abs(Math.log(x.n / target)) - Math.abs(Math.log(y.n / target)) || x.author - y.author)
      .slice(0, FANOUT_AUTHORS_PER_TARGET);
    if (near.length && Math.abs(Math.log(near[0]!.n / target)) < Math.log(3)) targets.push({ label: `~${target}`, authors: near });
    else fanOutSkipped.push(`~${target}: no author within 3x (closest reach ${near[0]?.n ?? "none"})`);
  }
  targets.push({ label: "max", authors: reach.filter((r) => r.n <= HOT_THRESHOLD).slice(0, FANOUT_AUTHORS_PER_TARGET) });
  const fanOut: FanOutResult[] = [];
  for (const tg of targets) {
    for (const a of tg.authors) {
      await measureFanOut(a.author); // warm-up
      const reps = [];
      for (let r = 0; r < FANOUT_REPS; r++) reps.push(await measureFanOut(a.author));
      fanOut.push({
        target: tg.label,
        author: a.author,
        sources: a.n,
        delivered: reps[0]!.delivered,
        insertMs: median(reps.map((x) => x.insertMs)),
        jobMs: median(reps.map((x) => x.jobMs)),
        insertMsPerRep: reps.map((x) => round(x.insertMs)),
      });
    }
  }
  return { fanOut, fanOutSkipped };
}

export async function feedEntriesSize() {
  // feed_entries footprint.
  const size = (
    await client.query(`SELECT
      (SELECT count(*) FROM feed_entries)::bigint AS rows,
      (SELECT count(*) FROM feed_states)::int AS inboxes,
      pg_total_relation_size('feed_entries') AS total_bytes,
      pg_relation_size('feed_entries') AS heap_bytes,
      pg_indexes_size('feed_entries') AS index_bytes,
      pg_total_relation_size('posts') AS posts_total_bytes`)
  ).rows[0] as Record<string, string>;
  const entries = Number(size.rows);
  const feedEntries = {
    rows: entries,
    inboxes: Number(size.inboxes),
    totalBytes: Number(size.total_bytes),
    heapBytes: Number(size.heap_bytes),
    indexBytes: Number(size.index_bytes),
    bytesPerRow: entries ? round(Number(size.total_bytes) / entries) : null,
    postsTotalBytes: Number(size.posts_total_bytes),
  };
  return feedEntries;
}
