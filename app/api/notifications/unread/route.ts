import { requireViewer } from "@/server/auth/viewer";
import { jsonRoute } from "@/server/http/json-route";
import { unreadCount } from "@/server/notifications/unread-count";

/** GET /api/notifications/unread: { count } for the header's bell (polled; at most UNREAD_CAP + 1). */
export const GET = jsonRoute(async () => ({ count: await unreadCount(await requireViewer()) }));
