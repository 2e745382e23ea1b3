import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";

/** What a like or unlike answers: the viewer's state and the exact count after it. */
export type LikeState = { liked: boolean; likeCount: number };

// The two things that can be liked: a like table and the row whose counter it keeps.
const TARGETS = {
  post: { likes: Prisma.raw("post_likes"), key: Prisma.raw("post_id"), counted: Prisma.raw("posts") },
  comment: { likes: Prisma.raw("comment_likes"), key: Prisma.raw("comment_id"), counted: Prisma.raw("comments") },
} as const;
export type LikeTarget = keyof typeof TARGETS;

/**
 * Adds or removes the viewer's like and moves the counter in ONE statement
 * (so one transaction): the counter changes only when a row was really
 * inserted (ON CONFLICT DO NOTHING RETURNING) or deleted (DELETE RETURNING),
 * which keeps it exact under any concurrency: 50 simultaneous likes by one
 * user insert one row and add one. Callers have checked the viewer may see
 * the item.
 */
export async function setLike(
  target: LikeTarget,
  targetId: number,
  userId: number,
  liked: boolean,
  // A transaction when the like's notification is written with it (like-post.ts).
  client: Prisma.TransactionClient | typeof db = db,
): Promise<LikeState> {
  const t = TARGETS[target];
  const change = liked
    ? Prisma.sql`INSERT INTO ${t.likes} (${t.key}, user_id) VALUES (${targetId}, ${userId}) ON CONFLICT DO NOTHING RETURNING ${t.key} AS id`
    : Prisma.sql`DELETE FROM ${t.likes} WHERE ${t.key} = ${targetId} AND user_id = ${userId} RETURNING ${t.key} AS id`;
  const delta = liked ? Prisma.sql`like_count + 1` : Prisma.sql`GREATEST(like_count - 1, 0)`;
  try {
    const [row] = await client.$queryRaw<{ updated: number | null; current: number | null }[]>`
      WITH changed AS (${change}),
      counted AS (
        UPDATE ${t.counted} SET like_count = ${delta}
        WHERE id = ${targetId} AND EXISTS (SELECT 1 FROM changed)
        RETURNING like_count
      )
      SELECT (SELECT like_count FROM counted) AS updated,
             (SELECT like_count FROM ${t.counted} WHERE id = ${targetId}) AS current`;
    const count = row?.updated ?? row?.current;
    if (count == null) throw notFound(); // deleted meanwhile
    return { liked, likeCount: count };
  } catch (err) {
    // The item was deleted between the privacy check and the insert.
    if (isForeignKeyViolation(err)) throw notFound();
    throw err;
  }
}

function isForeignKeyViolation(err: unknown): boolean {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (err.code === "P2003") return true;
  const meta = err.meta as { code?: string; driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } } | undefined;
  return meta?.code === "23503" || meta?.driverAdapterError?.cause?.originalCode === "23503" || meta?.driverAdapterError?.cause?.kind === "ForeignKeyConstraintViolation";
}
