-- Statements of src/server/feed/inbox.ts that are still inline Prisma templates
-- there (ensureInbox, trimInbox), copied verbatim. The feed's main queries
-- (pullFeedSql, inboxPageSql, fanOutSql) are imported from the app's pure
-- builders in src/server/feed/feed-sql.ts instead of being copied.
--
-- Format: "-- name:" starts a statement, "-- source:" names the file it was
-- copied from; ${...} are the app's interpolations, bound by bench/sql/app-sql.ts
-- as Prisma binds them (each value -> the next $n, no de-duplication).
-- app-sql.ts checks at start-up that each statement still appears
-- (whitespace-normalised) in its source file, and fails loudly if not.

-- name: ensure_create_state
-- source: src/server/feed/inbox.ts
INSERT INTO feed_states (user_id, horizon) VALUES (${userId}, ${MAX_POST_ID}) ON CONFLICT DO NOTHING

-- name: ensure_insert_entries
-- source: src/server/feed/inbox.ts
      INSERT INTO feed_entries (user_id, post_id, author_id)
      SELECT ${userId}, unnest(${ids}::int[]), unnest(${authors}::int[])
      ON CONFLICT DO NOTHING

-- name: ensure_set_horizon
-- source: src/server/feed/inbox.ts
UPDATE feed_states SET horizon = ${horizon}, trimmed_at = now() WHERE user_id = ${userId}

-- name: trim_cut
-- source: src/server/feed/inbox.ts
    SELECT post_id FROM feed_entries WHERE user_id = ${userId} ORDER BY post_id DESC OFFSET ${inboxCap() - 1} LIMIT 1

-- name: trim_delete
-- source: src/server/feed/inbox.ts
DELETE FROM feed_entries WHERE user_id = ${userId} AND post_id < ${cut.post_id}

-- name: trim_update
-- source: src/server/feed/inbox.ts
    UPDATE feed_states SET horizon = GREATEST(horizon, ${cut?.post_id ?? 0}), trimmed_at = now()
    WHERE user_id = ${userId} RETURNING horizon
