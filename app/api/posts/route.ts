import { requireViewer } from "@/server/auth/viewer";
import { jsonRoute, parseOrThrow } from "@/server/http/json-route";
import { createPost } from "@/server/posts/create-post";
import { createPostSchema } from "@/lib/validation/post";

/** POST /api/posts {body, audience?, clientKey?}: create a status post as the viewer. */
export const POST = jsonRoute(async (req) => {
  const viewer = await requireViewer();
  const input = parseOrThrow(createPostSchema.safeParse(await req.json().catch(() => null)));
  return createPost(viewer, input);
});
