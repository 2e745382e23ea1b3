import "server-only";
import { db } from "@/server/db";
import { visibleAudienceFilter, type Relation, type Viewer } from "@/server/privacy";
import { presentPost, type Page, type PostView } from "@/server/presenters/post";

export const PAGE_SIZE = 20;

/** One owner's posts that the viewer may see, newest first, keyset-paginated by id. */
export async function listSpacePosts(
  viewer: Viewer,
  input: { ownerId: number; relation: Relation; before?: number },
): Promise<Page<PostView>> {
  const rows = await db.post.findMany({
    where: {
      authorId: input.ownerId,
      audience: visibleAudienceFilter(input.relation),
      ...(input.before ? { id: { lt: input.before } } : {}),
    },
    include: { author: { select: { id: true, handle: true, displayName: true } } },
    orderBy: { id: "desc" },
    take: PAGE_SIZE + 1,
  });
  const items = rows.slice(0, PAGE_SIZE).map((r) => presentPost(r, viewer?.id));
  return { items, nextCursor: rows.length > PAGE_SIZE ? items[items.length - 1]!.id : null };
}
