import { requireViewer } from "@/server/auth/viewer";
import { getFeed } from "@/server/feed/get-feed";
import { jsonRoute, parseOrThrow } from "@/server/http/json-route";
import { feedQuerySchema } from "@/lib/validation/post";

/** GET /api/feed?before=<id>: the signed-in viewer's feed, 20 items a page. */
export const GET = jsonRoute(async (req) => {
  const viewer = await requireViewer();
  const query = parseOrThrow(feedQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams)));
  return getFeed(viewer, query);
});
