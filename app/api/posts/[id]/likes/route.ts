import { getRouteViewer } from "@/server/preview/space-viewer";
import { jsonRoute, parseOrThrow } from "@/server/http/json-route";
import { listLikers } from "@/server/likes/list-likers";
import { likersQuerySchema } from "@/lib/validation/likes";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/posts/:id/likes?cursor=[&space=<handle>]: who liked the item, if the viewer may see it (else the same 404 as a missing one). */
export const GET = jsonRoute(async (req, ctx: Ctx) => {
  const { id } = await ctx.params;
  const cursor = new URL(req.url).searchParams.get("cursor") ?? undefined;
  const input = parseOrThrow(likersQuerySchema.safeParse({ postId: id, cursor }));
  return listLikers(await getRouteViewer(req), input);
});
