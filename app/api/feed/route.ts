import { requireViewer } from "@/server/auth/viewer";
import { getFeed } from "@/server/feed/get-feed";
import { jsonRoute, parseOrThrow } from "@/server/http/json-route";
import { homeFeedQuerySchema } from "@/lib/validation/feed";

/** GET /api/feed?before=<id>&kind=<kind>&group=<id>: the signed-in viewer's feed (optionally filtered), 20 items a page. */
export const GET = jsonRoute(async (req) => {
  const viewer = await requireViewer();
  const query = parseOrThrow(homeFeedQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams)));
  return getFeed(viewer, query);
});
