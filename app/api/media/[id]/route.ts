import { getViewer } from "@/server/auth/viewer";
import { jsonRoute, parseOrThrow } from "@/server/http/json-route";
import { getMediaStatus } from "@/server/media/get-media-status";
import { mediaRefSchema } from "@/lib/validation/media";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/media/:id: processing state of an upload the viewer may see (else the same 404 as a missing one). */
export const GET = jsonRoute(async (_req, ctx: Ctx) => {
  const { id } = await ctx.params;
  return getMediaStatus(await getViewer(), parseOrThrow(mediaRefSchema.safeParse({ mediaId: id })));
});
