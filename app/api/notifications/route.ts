import { requireViewer } from "@/server/auth/viewer";
import { jsonRoute, parseOrThrow } from "@/server/http/json-route";
import { listNotifications } from "@/server/notifications/list-notifications";
import { notificationsQuerySchema } from "@/lib/validation/notifications";

/** GET /api/notifications?before=<id>: a page of the viewer's notifications, grouped, newest first. */
export const GET = jsonRoute(async (req) => {
  const viewer = await requireViewer();
  const input = parseOrThrow(notificationsQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams)));
  return listNotifications(viewer, input);
});
