import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { blockedPairSql } from "@/server/privacy/relation-sql";
import { queryRows } from "@/server/db";
import { prepared } from "@/server/prepared-sql";
import { presentAuthor, type AuthorView, type PostView } from "./post";

/** Likers named on a card ("A, B and N others"). */
export const CARD_LIKERS = 3;

type LikerRow = { post_id: number; id: number; handle: string; display_name: string; avatar_media_id: number | null };

/**
 * The viewer-dependent part of a page of items: whether the viewer liked
 * each one and the few likers named on its card. Two queries for the whole
 * page, whatever it holds (the counts themselves are on the post rows), so a
 * feed page's query count does not grow with its items.
 */
export async function withInteractions(items: PostView[], viewerId: number | undefined): Promise<PostView[]> {
  const ids = items.filter((p) => p.likeCount > 0).map((p) => Number(p.id));
  if (!ids.length) return items;
  const viewer = viewerId ?? 0;
  const [mine, likers] = await Promise.all([
    viewerId
      ? queryRows<{ post_id: number }>(prepared(Prisma.sql`
          SELECT post_id FROM post_likes WHERE user_id = ${viewerId} AND post_id = ANY(${ids}::int[])`))
      : Promise.resolve([]),
    // Per item: the viewer first, then the viewer's friends, then the latest.
    // Prepared (one text for every viewer: the viewer's id is bound, not written into it), run on the pool (queryRows).
    queryRows<LikerRow>(prepared(Prisma.sql`
      -- Ranked on the likes alone; only the named few are joined to users (a like's user always exists: FK).
      SELECT x.post_id, u.id, u.handle, u.display_name, u.avatar_media_id FROM (
        SELECT l.post_id, l.user_id,
               row_number() OVER (
                 PARTITION BY l.post_id
                 ORDER BY (l.user_id = ${viewer}) DESC, (fr.user_id IS NOT NULL) DESC, l.created_at DESC, l.user_id DESC
               ) AS n
        FROM post_likes l
        LEFT JOIN friendships fr ON fr.user_id = ${viewer} AND fr.friend_id = l.user_id
        WHERE l.post_id = ANY(${ids}::int[])
          -- The other side of a block is never named to the viewer.
          AND NOT ${blockedPairSql("l.user_id", viewer)}
      ) x
      JOIN users u ON u.id = x.user_id
      WHERE x.n <= ${CARD_LIKERS}
      ORDER BY x.post_id, x.n`)),
  ]);
  const liked = new Set(mine.map((r) => r.post_id));
  const byPost = new Map<number, AuthorView[]>();
  for (const r of likers) {
    const list = byPost.get(r.post_id) ?? [];
    list.push(presentAuthor({ id: r.id, handle: r.handle, displayName: r.display_name, avatarMediaId: r.avatar_media_id }));
    byPost.set(r.post_id, list);
  }
  return items.map((p) => {
    const id = Number(p.id);
    return p.likeCount > 0 ? { ...p, likedByMe: liked.has(id), likers: byPost.get(id) ?? [] } : p;
  });
}
