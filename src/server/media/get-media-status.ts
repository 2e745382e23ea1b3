import "server-only";
import { db } from "@/server/db";
import { assertCanViewMedia, type Viewer } from "@/server/privacy";
import { presentMedia } from "@/server/presenters/media";

/** A media item's processing state (polled by the upload UI), behind the same privacy check as its bytes. */
export async function getMediaStatus(viewer: Viewer, input: { mediaId: number }) {
  await assertCanViewMedia(viewer, input.mediaId);
  const m = await db.media.findUniqueOrThrow({ where: { id: input.mediaId } });
  return { ...presentMedia(m), mime: m.mime, durationMs: m.durationMs, variants: m.variants };
}
