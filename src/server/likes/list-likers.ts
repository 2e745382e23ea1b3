import "server-only";
import { blockedPairSql } from "@/server/privacy/relation-sql";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import type { Viewer } from "@/server/privacy";
import { presentAuthor, type AuthorView } from "@/server/presenters/post";
import type { LikersQuery } from "@/lib/validation/likes";
import { visiblePost } from "./visible-target";

export const LIKERS_PAGE = 20;

export type LikerView = AuthorView & { likedAt: string; friend: boolean };
export type LikersPage = { items: LikerView[]; nextCursor: string | null; total: number };

/**
 * Who liked an item, newest first, for whoever may see the item (a hidden
 * one answers not_found). Keyset-paginated by (created_at, user_id), so
 * likes arriving while someone scrolls never repeat or skip a row.
 */
export async function listLikers(viewer: Viewer, input: LikersQuery): Promise<LikersPage> {
  const post = await visiblePost(viewer, input.postId);
  const after = input.cursor ? input.cursor.split(".").map(Number) : null;
  const below = after ? Prisma.sql`AND (l.created_at, l.user_id) < (${new Date(after[0]!)}::timestamptz, ${after[1]!}::int)` : Prisma.empty;
  const rows = await db.$queryRaw<
    { user_id: number; created_at: Date; handle: string; display_name: string; avatar_media_id: number | null; friend: boolean }[]
  >`
    SELECT l.user_id, l.created_at, u.handle, u.display_name, u.avatar_media_id,
           (fr.user_id IS NOT NULL) AS friend
    FROM post_likes l
    JOIN users u ON u.id = l.user_id
    LEFT JOIN friendships fr ON fr.user_id = ${viewer?.id ?? 0} AND fr.friend_id = l.user_id
    WHERE l.post_id = ${input.postId}
      AND NOT ${blockedPairSql("l.user_id", String(Math.trunc(viewer?.id ?? 0)))}
      ${below}
    ORDER BY l.created_at DESC, l.user_id DESC
    LIMIT ${LIKERS_PAGE + 1}`;
  const page = rows.slice(0, LIKERS_PAGE);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      ...presentAuthor({ id: r.user_id, handle: r.handle, displayName: r.display_name, avatarMediaId: r.avatar_media_id }),
      likedAt: r.created_at.toISOString(),
      friend: r.friend,
    })),
    nextCursor: rows.length > LIKERS_PAGE && last ? `${last.created_at.getTime()}.${last.user_id}` : null,
    total: post.likeCount,
  };
}
