import "server-only";
import { db } from "@/server/db";
import { kindsOf } from "@/lib/feed-filter";
import { visiblePostFilter, type Access, type Viewer } from "@/server/privacy";
import { withAttachments } from "@/server/presenters/attachments";
import { AUTHOR_SELECT, presentPost, type Page, type PostKind, type PostView } from "@/server/presenters/post";

export const PAGE_SIZE = 20;

/**
 * One owner's items that the viewer may see, newest first, keyset-paginated
 * by id; `kind` narrows to one tab of the space (status, blog, video...),
 * `albumId` to one album's upload batches.
 */
export async function listSpacePosts(
  viewer: Viewer,
  input: { ownerId: number; access: Access; before?: number; kind?: PostKind; albumId?: number; limit?: number },
): Promise<Page<PostView>> {
  const limit = input.limit ?? PAGE_SIZE;
  const rows = await db.post.findMany({
    where: {
      authorId: input.ownerId,
      ...visiblePostFilter(input.access),
      // The status tab (说说) also lists the owner's reposts (kindsOf).
      ...(input.kind ? { kind: { in: kindsOf(input.kind) } } : {}),
      ...(input.albumId ? { albumId: input.albumId } : {}),
      ...(input.before ? { id: { lt: input.before } } : {}),
    },
    include: { author: AUTHOR_SELECT },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const items = await withAttachments(
    rows.slice(0, limit).map((r) => presentPost(r, viewer?.id)),
    viewer,
  );
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}
