import "server-only";
import { db } from "@/server/db";
import { fanOutSql } from "./feed-sql";
import { rememberHotAccount } from "./hot-accounts";

/** Accounts with more followers than this are pulled at read time instead of fanned out. */
export function hotThreshold(): number {
  return Number(process.env.FEED_HOT_THRESHOLD ?? 10_000);
}

/**
 * The fan-out job: delivers a post to the inboxes of everyone who has the
 * author as a source (followers and friends) and has an inbox. Idempotent
 * (ON CONFLICT DO NOTHING), so retries and re-deliveries are harmless. Only
 * ids are written; what each reader may see is decided again at read time.
 */
export async function fanOutPost(postId: number): Promise<{ delivered: number; hot: boolean }> {
  const [post] = await db.$queryRaw<{ author_id: number; audience: string }[]>`
    SELECT author_id, audience FROM posts WHERE id = ${postId}`;
  if (!post || post.audience === "ONLY_ME") return { delivered: 0, hot: false };

  const limit = hotThreshold();
  const [{ n }] = (await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT follower_id FROM follows WHERE followee_id = ${post.author_id}
      UNION SELECT friend_id FROM friendships WHERE user_id = ${post.author_id}
      LIMIT ${limit + 1}
    ) x`) as [{ n: number }];
  if (n > limit) {
    await db.$executeRaw`UPDATE users SET hot = true WHERE id = ${post.author_id} AND NOT hot`;
    rememberHotAccount(post.author_id);
    return { delivered: 0, hot: true };
  }

  const delivered = await db.$executeRaw(fanOutSql(postId, post.author_id));
  return { delivered, hot: false };
}
