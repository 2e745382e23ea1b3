import { Readable } from "node:stream";
import { requireViewer } from "@/server/auth/viewer";
import { AppError } from "@/server/errors";
import { jsonRoute, parseOrThrow } from "@/server/http/json-route";
import { uploadMedia } from "@/server/media/upload-media";
import { uploadQuerySchema } from "@/lib/validation/media";

/**
 * POST /api/uploads?purpose=photo|inline|avatar|cover|track-cover|audio|video&name=&clientKey=[&albumId=&batch=][&crop=l,t,s]
 * The request body is the file's bytes, streamed (never held in memory);
 * answers 413 as soon as it passes the purpose's limit or what is left of the
 * owner's storage quota.
 */
export const POST = jsonRoute(async (req) => {
  const viewer = await requireViewer();
  const query = parseOrThrow(uploadQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams)));
  if (!req.body) throw new AppError("invalid", "fileEmpty", "file");
  const length = req.headers.get("content-length");
  return uploadMedia(viewer, {
    purpose: query.purpose,
    body: Readable.fromWeb(req.body as import("node:stream/web").ReadableStream),
    declaredBytes: length != null && /^\d+$/.test(length) ? Number(length) : null,
    fileName: query.name ?? null,
    clientKey: query.clientKey,
    albumId: query.albumId,
    batchKey: query.batch,
    crop: query.crop,
  });
});
