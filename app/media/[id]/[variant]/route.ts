import { Readable } from "node:stream";
import { getViewer } from "@/server/auth/viewer";
import { AppError } from "@/server/errors";
import { readMedia } from "@/server/media/read-media";

type Ctx = { params: Promise<{ id: string; variant: string }> };

// The same bytes for a hidden file and a missing one.
const notFound = () =>
  new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } });

/** GET /media/:id/:variant — a stored file, if the viewer may see it (Range supported). */
export async function GET(req: Request, ctx: Ctx) {
  const { id, variant } = await ctx.params;
  const mediaId = Number(id);
  if (!/^\d{1,10}$/.test(id) || mediaId > 2147483647) return notFound();
  try {
    const res = await readMedia(await getViewer(), {
      mediaId,
      variant,
      range: req.headers.get("range"),
      ifNoneMatch: req.headers.get("if-none-match"),
    });
    const body = res.body ? (Readable.toWeb(res.body) as ReadableStream) : null;
    return new Response(body, { status: res.status, headers: res.headers });
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") return notFound();
    console.error(err);
    return new Response("Internal error", { status: 500 });
  }
}
