import { requireViewer } from "@/server/auth/viewer";
import { jsonRoute } from "@/server/http/json-route";
import { listAudienceChoices } from "@/server/groups/list-audience-choices";

/** GET /api/groups/choices: the viewer's friend groups and friends, for the audience picker. */
export const GET = jsonRoute(async () => listAudienceChoices(await requireViewer()));
