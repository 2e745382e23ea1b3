// Phase 3 of the posting workload: how long until a new post is on its
// followers' first feed page, for authors of ~10 / ~100 / ~1000 followers and
// for the tier's hot account.
import type pg from "pg";
import { sleep, summarize } from "../../lib/posting-app";
import { TIERS } from "../../lib/tiers";
import { log, plan, POLL_MS, TARGET_HOT_VISIBLE_P95_MS, TARGET_VISIBLE_P95_MS, tier, VISIBILITY_TIMEOUT_MS } from "./plan";
import { drainQueue, jobTimings } from "./queue";
import { createPost, feedIds, type Ctx } from "./requests";

type Author = { id: number; audience: number };

/** Approximate audience (follows + friendships rows: almost disjoint) of every non-hot user, read once. */
let audienceCache: { id: number; n: number }[] | null = null;
async function approximateAudiences(pool: pg.Pool): Promise<{ id: number; n: number }[]> {
  audienceCache ??= (
    await pool.query<{ id: number; n: number }>(
      `SELECT x.u AS id, sum(x.n)::int AS n FROM (
         SELECT followee_id AS u, count(*) AS n FROM follows GROUP BY followee_id
         UNION ALL SELECT user_id, count(*) FROM friendships GROUP BY user_id) x
       JOIN users ON users.id = x.u AND NOT users.hot
       GROUP BY x.u`,
    )
  ).rows;
  return audienceCache;
}

/** Non-hot authors whose audience (followers and friends with an inbox) is close to target, nearest first. */
async function authorsNear(pool: pg.Pool, target: number, count: number): Promise<{ authors: Author[]; exact: boolean }> {
  const dist = (n: number) => Math.abs(Math.log(Math.max(n, 1) / target));
  const candidates = [...(await approximateAudiences(pool))].sort((a, b) => dist(a.n) - dist(b.n) || a.id - b.id).slice(0, count * 3);
  const exact: Author[] = [];
  for (const r of candidates) {
    const { rows: e } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT follower_id AS u FROM follows WHERE followee_id = $1
                                       UNION SELECT friend_id FROM friendships WHERE user_id = $1) s
       JOIN feed_states f ON f.user_id = s.u`,
      [r.id],
    );
    exact.push({ id: r.id, audience: e[0]!.n });
  }
  exact.sort((a, b) => dist(a.audience) - dist(b.audience) || a.id - b.id);
  const authors = exact.slice(0, count);
  return { authors, exact: authors.every((a) => a.audience >= target * 0.7 && a.audience <= target * 1.3) };
}

async function followersOf(pool: pg.Pool, author: number, count: number, salt: number): Promise<number[]> {
  const { rows } = await pool.query<{ u: number }>(
    `SELECT s.u FROM (SELECT follower_id AS u FROM follows WHERE followee_id = $1
                      UNION SELECT friend_id FROM friendships WHERE user_id = $1) s
     JOIN feed_states f ON f.user_id = s.u
     ORDER BY hashint4(s.u + $3) LIMIT $2`,
    [author, count, salt],
  );
  return rows.map((r) => r.u);
}

type Trial = {
  author: number;
  audience: number;
  postId: number;
  postMs: number;
  /** Per follower: ms from sending the POST until a feed response containing the post arrived (null: timed out). */
  visibleMs: (number | null)[];
  /** The same, from the POST's response (the commit) instead of its start. */
  visibleAfterAckMs: (number | null)[];
  polls: number;
  feedMs: number[];
};

/** One trial: the author posts; each follower polls their first feed page every POLL_MS until the post is on it. */
async function trial(ctx: Ctx, author: Author, followers: number[]): Promise<Trial> {
  for (const f of followers) await feedIds(ctx, f); // warm: inbox state read, trimmed if due
  const post = await createPost(ctx, author.id, `visibility`);
  let polls = 0;
  const feedMs: number[] = [];
  const results = await Promise.all(
    followers.map(async (f) => {
      for (;;) {
        const start = performance.now();
        const { ids, ms } = await feedIds(ctx, f);
        polls++;
        feedMs.push(ms);
        const now = performance.now();
        if (ids.has(post.id)) return { sent: now - post.sentAt, ack: now - post.ackAt };
        if (now - post.sentAt > VISIBILITY_TIMEOUT_MS) return null;
        await sleep(Math.max(0, POLL_MS - (performance.now() - start)));
      }
    }),
  );
  return {
    author: author.id,
    audience: author.audience,
    postId: post.id,
    postMs: Math.round(post.ms * 10) / 10,
    visibleMs: results.map((r) => (r ? Math.round(r.sent) : null)),
    visibleAfterAckMs: results.map((r) => (r ? Math.round(r.ack) : null)),
    polls,
    feedMs,
  };
}

function visibilitySummary(trials: Trial[], targetMs: number) {
  const all = trials.flatMap((t) => t.visibleMs);
  const ok = all.filter((x): x is number => x !== null);
  const timeouts = all.length - ok.length;
  // A timed-out sample counts as the timeout itself (so p95 is not flattered).
  const withTimeouts = all.map((x) => x ?? VISIBILITY_TIMEOUT_MS);
  const s = summarize(withTimeouts);
  return {
    samples: all.length,
    timeouts,
    visibleMs: s,
    visibleAfterAckMs: summarize(trials.flatMap((t) => t.visibleAfterAckMs).map((x) => x ?? VISIBILITY_TIMEOUT_MS)),
    feedRequestMs: summarize(trials.flatMap((t) => t.feedMs)),
    postMs: summarize(trials.map((t) => t.postMs)),
    targetP95Ms: targetMs,
    pass: timeouts === 0 && s.p95 <= targetMs,
  };
}

function withoutFeedMs(t: Trial): Omit<Trial, "feedMs"> {
  const copy: Partial<Trial> = { ...t };
  delete copy.feedMs;
  return copy as Omit<Trial, "feedMs">;
}

export async function measureVisibility(ctx: Ctx) {
  const out: Record<string, unknown>[] = [];
  for (const target of [10, 100, 1000]) {
    const { authors, exact } = await authorsNear(ctx.pool, target, plan.trials);
    if (!authors.length) {
      out.push({ targetFollowers: target, skipped: "no author in this tier" });
      continue;
    }
    log(`visibility, ~${target} followers: authors ${authors.map((a) => `${a.id}(${a.audience})`).join(" ")}`);
    const trials: Trial[] = [];
    for (let i = 0; i < plan.trials; i++) {
      const a = authors[i % authors.length]!;
      const fs = await followersOf(ctx.pool, a.id, plan.followers, i);
      trials.push(await trial(ctx, a, fs));
    }
    await drainQueue(ctx.pool);
    out.push({
      targetFollowers: target,
      authorsMatchTarget: exact,
      authors: authors.map((a) => ({ id: a.id, followers: a.audience })),
      ...visibilitySummary(trials, TARGET_VISIBLE_P95_MS),
      fanOutJob: await jobTimings(ctx.pool, trials.map((t) => t.postId)),
      trials: trials.map(withoutFeedMs),
    });
  }
  return out;
}

export async function measureHot(ctx: Ctx) {
  const hot = TIERS[tier].hot[0];
  if (!hot) return null;
  const { rows } = await ctx.pool.query<{ hot: boolean }>("SELECT hot FROM users WHERE id = $1", [hot.userId]);
  const author: Author = { id: hot.userId, audience: hot.followers };
  log(`hot account ${hot.userId} (${hot.followers} followers, hot flag ${rows[0]?.hot}): ${plan.hotTrials} posts, ${plan.hotFollowers} followers each`);
  const trials: Trial[] = [];
  for (let i = 0; i < plan.hotTrials; i++) {
    // Followers spread over the whole range (users 2..100000 follow user 1).
    const { rows: fs } = await ctx.pool.query<{ u: number }>(
      `SELECT follower_id AS u FROM follows WHERE followee_id = $1 ORDER BY hashint4(follower_id + $3) LIMIT $2`,
      [hot.userId, plan.hotFollowers, 1000 + i],
    );
    trials.push(await trial(ctx, author, fs.map((f) => f.u)));
  }
  await drainQueue(ctx.pool);
  return {
    author: hot.userId,
    followers: hot.followers,
    hotFlag: rows[0]?.hot ?? null,
    ...visibilitySummary(trials, TARGET_HOT_VISIBLE_P95_MS),
    fanOutJob: await jobTimings(ctx.pool, trials.map((t) => t.postId)),
    trials: trials.map(withoutFeedMs),
  };
}
