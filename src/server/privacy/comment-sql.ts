// Which comments a viewer sees on an item they may see (the item itself is
// checked first, by assertCanView), as SQL for the comment reads. A blocked
// pair (either way) do not see each other's comments on anyone's item, nor
// the threads either of them started (a reply lives in its thread), and the
// counts they are shown leave out the same comments, so a card's numbers
// never reveal what it hides.
import { Prisma } from "@/generated/prisma/client";
import { blockedPartnersSql } from "./relation-sql";

/**
 * SQL condition: `viewerId` may see the comments row `alias` (trusted SQL
 * written in this codebase). Signed out (undefined) or a "view as" preview
 * (id 0): no blocks, every comment. A viewer in no block passes on the first
 * test, without looking at the row's thread.
 */
export function visibleCommentSql(alias: string, viewerId: number | undefined): Prisma.Sql {
  if (!viewerId) return Prisma.sql`TRUE`;
  const others = blockedPartnersSql(viewerId);
  const a = Prisma.raw(alias);
  return Prisma.sql`(cardinality(${others}) = 0 OR (${a}.author_id <> ALL (${others})
    AND NOT EXISTS (SELECT 1 FROM comments vt WHERE vt.id = ${a}.parent_id AND vt.author_id = ANY (${others}))))`;
}

/**
 * SQL int: how many comments on the post in column `postIdCol` are hidden
 * from `viewerId` (exactly those visibleCommentSql refuses), to subtract
 * from posts.comment_count: the other side's own comments, plus the others'
 * replies in threads the other side started. It starts from the other side's
 * comments (their rows on the post, then those threads' replies), so it costs
 * what they wrote there, not the item's whole thread; nothing in no block.
 */
export function hiddenCommentCountSql(postIdCol: string, viewerId: number | undefined): Prisma.Sql {
  if (!viewerId) return Prisma.sql`0`;
  const others = blockedPartnersSql(viewerId);
  const post = Prisma.raw(postIdCol);
  return Prisma.sql`(CASE WHEN cardinality(${others}) = 0 THEN 0 ELSE
      (SELECT count(*)::int FROM comments hc WHERE hc.post_id = ${post} AND hc.author_id = ANY (${others}))
    + (SELECT count(*)::int FROM comments ht JOIN comments hr ON hr.parent_id = ht.id
       WHERE ht.post_id = ${post} AND ht.parent_id IS NULL AND ht.author_id = ANY (${others}) AND hr.author_id <> ALL (${others}))
    END)`;
}
