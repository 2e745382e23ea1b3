import { getViewer } from "@/server/auth/viewer";
import { jsonRoute, parseOrThrow } from "@/server/http/json-route";
import { getPost } from "@/server/posts/get-post";
import { postRefSchema } from "@/lib/validation/post";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/posts/:id: the post if the viewer may see it; otherwise the same 404 as a missing one. */
export const GET = jsonRoute(async (_req, ctx: Ctx) => {
  const { id } = await ctx.params;
  const { postId } = parseOrThrow(postRefSchema.safeParse({ postId: id }));
  return getPost(await getViewer(), { postId });
});
