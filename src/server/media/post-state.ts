import "server-only";
import { db } from "@/server/db";

/**
 * An item with media is READY once none of its files is still processing and
 * at least one succeeded; FAILED if every one failed. (A photo batch with one
 * failed photo is shown without it; its owner sees the failure on the photo.)
 */
export async function refreshPostState(postId: number): Promise<void> {
  await db.$executeRaw`
    UPDATE posts p SET state = s.state::item_state
    FROM (
      SELECT CASE
        WHEN bool_or(m.status = 'PROCESSING') THEN 'PROCESSING'
        WHEN bool_or(m.status = 'READY') THEN 'READY'
        WHEN count(m.id) = 0 THEN 'READY'
        ELSE 'FAILED' END AS state
      FROM media m
      LEFT JOIN photos ph ON ph.media_id = m.id
      WHERE ph.post_id = ${postId} OR (m.post_id = ${postId} AND m.purpose IN ('audio', 'video'))
    ) s
    WHERE p.id = ${postId} AND p.state::text <> s.state`;
}
