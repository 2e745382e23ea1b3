import { requireViewer } from "@/server/auth/viewer";
import { jsonRoute, parseOrThrow } from "@/server/http/json-route";
import { suggestMentions } from "@/server/mentions/suggest-mentions";
import { mentionSuggestSchema } from "@/lib/validation/notifications";

/** GET /api/mentions/suggest?q=<prefix>: the viewer's friends whose handle or name starts with the prefix. */
export const GET = jsonRoute(async (req) => {
  const viewer = await requireViewer();
  const input = parseOrThrow(mentionSuggestSchema.safeParse(Object.fromEntries(new URL(req.url).searchParams)));
  return suggestMentions(viewer, input);
});
