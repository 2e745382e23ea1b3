// The feed page with comments and likes on every item (issue: the social
// layer). Seeds one viewer whose feed's first page holds 20 items from 20
// friends, each item with 40 comments (10 of them replies), 60 likes (the
// viewer's among them on every other item) and comment likes, in a database
// that also holds `--posts` other posts (default 200k) and their authors; items
// use every audience the feed checks (public, friends, chosen groups, chosen
// friends). Then against the real app (`next start`, production build):
//   - GET /api/feed one request at a time: p50 / p95 (latency without queueing)
//   - GET /api/feed open loop at --rate req/s (default 50): p50 / p95
//   - GET / (the server-rendered feed page) one at a time: p50 / p95
// The statements one feed page costs are counted in-process by
// src/server/likes/likes.test.ts (the app's query events are not reachable from here).
//
//   npx tsx bench/social/feed-interactions.ts [--posts 200000] [--rate 50] [--quick]
//   writes bench/results/social-feed.json
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { latencySummary, openLoop } from "../lib/open-loop";
import { ensureBuild, flag, loadAvg, option, root, startApp } from "../lib/posting-app";
import { mintSessionCookies } from "../lib/session";

const argv = process.argv.slice(2);
const quick = flag(argv, "--quick");
const otherPosts = Number(option(argv, "--posts") ?? (quick ? 5000 : 200_000));
const rate = Number(option(argv, "--rate") ?? 50);
const base = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/kongjian");
const dbName = "kongjian_bench_social";

async function sql(url: string, text: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(text);
  } finally {
    await c.end();
  }
}

async function freshDatabase(): Promise<string> {
  const admin = new URL(base);
  admin.pathname = "/postgres";
  await sql(admin.toString(), `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await sql(admin.toString(), `CREATE DATABASE ${dbName}`);
  const url = new URL(base);
  url.pathname = `/${dbName}`;
  const r = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], { cwd: root, env: { ...process.env, DATABASE_URL: url.toString() }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`migrate deploy failed: ${r.stderr}`);
  return url.toString();
}

// Users: 1 = the viewer, 2..21 = friends with an item each, 22..2021 = commenters/likers, the rest post the background.
const SEED = (n: number) => `
INSERT INTO users (email, handle, display_name, password_hash)
SELECT 'u' || g || '@bench.test', 'u' || g, 'User ' || g, 'x' FROM generate_series(1, 3000) g;
INSERT INTO friendships (user_id, friend_id)
SELECT 1, g FROM generate_series(2, 21) g UNION ALL SELECT g, 1 FROM generate_series(2, 21) g;
INSERT INTO friend_groups (owner_id, name) SELECT g, 'Classmates' FROM generate_series(2, 21) g;
INSERT INTO friend_group_members (group_id, user_id) SELECT id, 1 FROM friend_groups;
-- Background posts by users who are not in the viewer's graph.
INSERT INTO posts (author_id, kind, body, audience)
SELECT 2022 + (g % 978), 'status', 'background post ' || g, 'PUBLIC' FROM generate_series(1, ${n}) g;
-- The 20 feed items, newest last so they are the first page; four audiences.
INSERT INTO posts (author_id, kind, body, audience, audience_group_ids, audience_user_ids)
SELECT g, 'status', 'Feed item from friend ' || g || ' with a few words of text, like a real status post.',
  (ARRAY['PUBLIC','FRIENDS','CUSTOM','CUSTOM']::audience[])[1 + g % 4],
  CASE WHEN g % 4 = 2 THEN ARRAY[(SELECT id FROM friend_groups WHERE owner_id = g)] ELSE '{}' END,
  CASE WHEN g % 4 = 3 THEN ARRAY[1] ELSE '{}' END
FROM generate_series(2, 21) g;
CREATE TEMP TABLE items AS SELECT id, author_id FROM posts WHERE author_id BETWEEN 2 AND 21;
-- 30 top-level comments and 10 replies per item.
INSERT INTO comments (post_id, author_id, body)
SELECT i.id, 22 + ((i.id * 7 + c) % 2000), 'Comment ' || c || ' on item ' || i.id FROM items i, generate_series(1, 30) c;
INSERT INTO comments (post_id, author_id, parent_id, reply_to_id, body)
SELECT p.post_id, 22 + ((p.id * 11 + r) % 2000), p.id, p.id, 'Reply ' || r
FROM (SELECT DISTINCT ON (post_id) id, post_id FROM comments ORDER BY post_id, id) p, generate_series(1, 10) r;
UPDATE posts p SET comment_count = (SELECT count(*) FROM comments c WHERE c.post_id = p.id) WHERE p.id IN (SELECT id FROM items);
-- 60 likes per item; the viewer likes every other one.
INSERT INTO post_likes (post_id, user_id) SELECT i.id, 22 + ((i.id * 13 + l) % 2000) FROM items i, generate_series(1, 60) l ON CONFLICT DO NOTHING;
INSERT INTO post_likes (post_id, user_id) SELECT id, 1 FROM items WHERE id % 2 = 0;
UPDATE posts p SET like_count = (SELECT count(*) FROM post_likes l WHERE l.post_id = p.id) WHERE p.id IN (SELECT id FROM items);
INSERT INTO comment_likes (comment_id, user_id) SELECT c.id, 22 + ((c.id + l) % 2000) FROM comments c, generate_series(1, 3) l ON CONFLICT DO NOTHING;
UPDATE comments c SET like_count = 3;
ANALYZE;
`;

async function sequential(url: string, cookie: string, n: number) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = await fetch(url, { headers: { cookie } });
    const body = await r.text();
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${body.slice(0, 300)}`);
    if (i === 0 && url.includes("/api/feed")) {
      const page = JSON.parse(body) as { items: { likeCount: number; commentCount: number; comments?: unknown[] }[] };
      if (page.items.length !== 20) throw new Error(`feed page has ${page.items.length} items, expected 20`);
      console.log(`[bench] first page: 20 items, likes ${page.items.map((p) => p.likeCount).join("/")}, comments ${page.items.map((p) => p.commentCount).join("/")}`);
    }
    times.push(performance.now() - t0);
  }
  return latencySummary(times.slice(Math.min(10, n / 5))); // the first requests warm caches and JIT
}

async function main() {
  const build = await ensureBuild();
  const url = await freshDatabase();
  const t0 = Date.now();
  await sql(url, SEED(otherPosts));
  console.log(`[bench] seeded ${otherPosts} background posts + 20 items with 40 comments and ~61 likes each in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const app = await startApp({ databaseUrl: url, name: "social-feed" });
  try {
    const cookie = (await mintSessionCookies(url, [1], app.secret)).get(1)!.cookie;
    const n = quick ? 40 : 300;
    const feedSeq = await sequential(`${app.baseUrl}/api/feed`, cookie, n);
    const pageSeq = await sequential(`${app.baseUrl}/`, cookie, quick ? 20 : 100);
    const loop = await openLoop({
      url: app.baseUrl,
      rate,
      durationSec: quick ? 3 : 20,
      warmupSec: quick ? 1 : 3,
      request: () => ({ path: "/api/feed", headers: { cookie } }),
    });
    const result = {
      at: new Date().toISOString(),
      buildId: build.buildId,
      loadAverage: loadAvg(),
      backgroundPosts: otherPosts,
      feedItems: 20,
      perItem: { comments: 40, likes: "60-61", commentLikes: 3 },
      apiFeedSequential: feedSeq,
      apiFeedOpenLoop: { rate, achieved: loop.achievedRate, ...loop.latencyMs, errors: loop.errors, overloaded: loop.overloaded ?? null },
      feedPageSequential: pageSeq,
    };
    mkdirSync(path.join(root, "bench/results"), { recursive: true });
    writeFileSync(path.join(root, "bench/results/social-feed.json"), JSON.stringify(result, null, 2));
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await app.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
