-- Builds every user's feed inbox exactly as ensureInbox() would on first read
-- (top :cap visible posts from non-hot sources), one user at a time inside
-- the server (no round trips). Used by bench/seed.mjs.
TRUNCATE feed_entries, feed_states;
DO $$
DECLARE
  u int;
  cap int := :cap;
  got int;
  low int;
BEGIN
  FOR u IN SELECT id FROM users ORDER BY id LOOP
    INSERT INTO feed_entries (user_id, post_id, author_id)
    SELECT u, p.id, p.author_id
    FROM (
      SELECT u AS uid, 'owner' AS rel
      UNION ALL SELECT friend_id, 'friend' FROM friendships WHERE user_id = u
      UNION ALL SELECT f.followee_id, 'follower' FROM follows f
        WHERE f.follower_id = u AND NOT EXISTS (SELECT 1 FROM friendships fr WHERE fr.user_id = u AND fr.friend_id = f.followee_id)
    ) s
    JOIN users su ON su.id = s.uid AND NOT su.hot
    CROSS JOIN LATERAL (
      SELECT id, author_id FROM posts p
      WHERE p.author_id = s.uid
        AND p.audience = ANY(CASE s.rel WHEN 'owner' THEN ARRAY['PUBLIC','FRIENDS','ONLY_ME']::audience[]
                                        WHEN 'friend' THEN ARRAY['PUBLIC','FRIENDS']::audience[]
                                        ELSE ARRAY['PUBLIC']::audience[] END)
      ORDER BY id DESC LIMIT cap
    ) p
    ORDER BY p.id DESC
    LIMIT cap;
    GET DIAGNOSTICS got = ROW_COUNT;
    SELECT min(post_id) INTO low FROM feed_entries WHERE user_id = u;
    INSERT INTO feed_states (user_id, horizon) VALUES (u, CASE WHEN got < cap THEN 0 ELSE low END);
  END LOOP;
END $$;
ANALYZE feed_entries;
