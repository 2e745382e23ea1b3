import { getSpaceViewer } from "@/server/preview/space-viewer";
import { jsonRoute, parseOrThrow } from "@/server/http/json-route";
import { listSpacePosts } from "@/server/posts/list-space-posts";
import { getSpace } from "@/server/users/get-space";
import { spacePostsQuerySchema } from "@/lib/validation/post";

type Ctx = { params: Promise<{ handle: string }> };

/** GET /api/users/:handle/posts?before=<id>&kind=<kind>&album=<id>: a space's items that the viewer may see. */
export const GET = jsonRoute(async (req, ctx: Ctx) => {
  const { handle } = await ctx.params;
  const { viewer } = await getSpaceViewer(handle);
  const { before, kind, album } = parseOrThrow(spacePostsQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams)));
  const space = await getSpace(viewer, handle);
  return listSpacePosts(viewer, { ownerId: space.owner.id, access: space.access, before, kind, albumId: album });
});
