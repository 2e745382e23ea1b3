import { getRouteViewer } from "@/server/preview/space-viewer";
import { listComments } from "@/server/comments/list-comments";
import { jsonRoute, parseOrThrow } from "@/server/http/json-route";
import { listCommentsSchema } from "@/lib/validation/comment";

type Ctx = { params: Promise<{ id: string }> };

/**
 * GET /api/posts/:id/comments?before=<commentId>[&parent=<commentId>][&space=<handle>]: a
 * keyset page of the item's threads (or of one thread's replies), oldest
 * first. An item the viewer cannot see answers like a missing one (404).
 */
export const GET = jsonRoute(async (req, ctx: Ctx) => {
  const { id } = await ctx.params;
  const q = new URL(req.url).searchParams;
  const input = parseOrThrow(
    listCommentsSchema.safeParse({ postId: id, before: q.get("before") ?? undefined, parentId: q.get("parent") ?? undefined }),
  );
  return listComments(await getRouteViewer(req), input);
});
