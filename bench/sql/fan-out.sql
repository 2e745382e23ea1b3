-- Statements of src/server/feed/fan-out.ts (fanOutPost) that are still inline
-- Prisma templates there, copied verbatim; the fan-out INSERT itself is the
-- app's builder fanOutSql() (src/server/feed/feed-sql.ts). Format and check:
-- see inbox.sql.

-- name: post
-- source: src/server/feed/fan-out.ts
    SELECT author_id, audience FROM posts WHERE id = ${postId}

-- name: count_sources
-- source: src/server/feed/fan-out.ts
    SELECT count(*)::int AS n FROM (
      SELECT follower_id FROM follows WHERE followee_id = ${post.author_id}
      UNION SELECT friend_id FROM friendships WHERE user_id = ${post.author_id}
      LIMIT ${limit + 1}
    ) x
