-- Deterministic benchmark dataset, generated inside Postgres (set-based SQL,
-- no round trips): minutes, not hours, for 1M posts.
-- Parameters (psql variables or replaced by bench/seed.mjs):
--   :users      number of users
--   :posts      number of posts
--   :hot        comma list "followers:user_id" of brand accounts (tier L), or ''
--   :pwhash     password hash shared by all bench users
SELECT setseed(0.20261126);

TRUNCATE posts, follows, friendships, friend_requests, users RESTART IDENTITY CASCADE;

-- Users: id i, handle b<i>. Low ids are the popular, active accounts.
INSERT INTO users (email, handle, display_name, bio, password_hash)
SELECT 'b' || i || '@bench.local', 'b' || i, 'Bench ' || i, '', :'pwhash'
FROM generate_series(1, :users) AS i;

-- Out-degree per user: log-normal (median ~70, mean ~150), capped at 5,000;
-- a fifth of users are near-inactive with a handful of follows.
CREATE TEMP TABLE degree AS
SELECT i AS uid,
       CASE WHEN random() < 0.2 THEN 1 + floor(random() * 5)::int
            ELSE least(5000, greatest(1, floor(exp(4.25 + 1.22 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())))::int))
       END AS d
FROM generate_series(1, :users) AS i;

-- Edges: followee drawn with a strong skew towards low ids (popular users).
CREATE TEMP TABLE edges AS
SELECT DISTINCT d.uid AS a, 1 + floor(:users * power(random(), 2.2))::int AS b
FROM degree d, LATERAL generate_series(1, d.d) g;
DELETE FROM edges WHERE a = b;

-- About a third of edges are mutual friendships (two rows), the rest follows.
INSERT INTO friendships (user_id, friend_id)
SELECT a, b FROM edges WHERE (hashint4(a * 7919 + b) & 1023) < 340
UNION
SELECT b, a FROM edges WHERE (hashint4(a * 7919 + b) & 1023) < 340
ON CONFLICT DO NOTHING;

INSERT INTO follows (follower_id, followee_id)
SELECT a, b FROM edges WHERE (hashint4(a * 7919 + b) & 1023) >= 340
ON CONFLICT DO NOTHING;

-- Brand accounts (tier L): followed by the first N users each.
INSERT INTO follows (follower_id, followee_id)
SELECT f, split_part(h, ':', 2)::int
FROM unnest(string_to_array(nullif(:'hot', ''), ',')) AS h,
     LATERAL generate_series(1, split_part(h, ':', 1)::int) AS f
WHERE f <> split_part(h, ':', 2)::int
ON CONFLICT DO NOTHING;

-- Posts over 365 days, authors skewed towards popular users, inserted oldest
-- first so ids grow with time (the feed's cursor). ~85% public, ~12% friends,
-- ~3% only me; kinds with realistic shares for when other types arrive.
INSERT INTO posts (author_id, kind, body, audience, created_at)
SELECT author, kind, body, audience, created_at FROM (
  SELECT 1 + floor(:users * power(random(), 1.6))::int AS author,
         (ARRAY['status','status','status','status','status','status','status','blog','photo','music','video','diary'])[1 + floor(random() * 12)::int] AS kind,
         'Benchmark post ' || g || ': ' || md5(g::text) AS body,
         CASE WHEN r < 0.85 THEN 'PUBLIC'::audience WHEN r < 0.97 THEN 'FRIENDS'::audience ELSE 'ONLY_ME'::audience END AS audience,
         now() - (random() * interval '365 days') AS created_at
  FROM (SELECT g, random() AS r FROM generate_series(1, :posts) AS g) s
) p
ORDER BY created_at;

ANALYZE;

-- Accounts over the hot threshold are pulled, not fanned out (as the fan-out
-- job would have marked them).
UPDATE users u SET hot = true
FROM (SELECT followee_id AS id, count(*) AS n FROM follows GROUP BY followee_id) f
WHERE f.id = u.id AND f.n > :hotThreshold;
