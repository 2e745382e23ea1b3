import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { getViewer, type SignedInViewer } from "@/server/auth/viewer";
import { db } from "@/server/db";
import type { Viewer } from "@/server/privacy";
import { previewViewer, type PreviewAs } from "@/server/privacy/preview";
import { decodePreview, PREVIEW_COOKIE } from "./preview-cookie";

export type SpaceViewer = {
  /** Who the space's reads run as: the real viewer, or the preview viewer. */
  viewer: Viewer;
  /** The signed-in user behind it (for the header, and to exit the preview). */
  real: SignedInViewer | null;
  /** Set while the owner previews their own space. */
  preview: (PreviewAs & { groupName?: string }) | null;
};

/**
 * The viewer for the pages and routes of the space `handle`. Only the owner
 * of that very space can be in preview, and only with one of their own
 * groups; a stale or forged cookie is ignored.
 */
export const getSpaceViewer = cache(async function getSpaceViewer(handle: string): Promise<SpaceViewer> {
  const real = await getViewer();
  const none = { viewer: real, real, preview: null };
  if (!real || real.handle !== handle.toLowerCase()) return none;
  const chosen = decodePreview((await cookies()).get(PREVIEW_COOKIE)?.value);
  if (!chosen || chosen.ownerId !== real.id) return none;
  let groupName: string | undefined;
  if (chosen.preview.as === "group") {
    const group = await db.friendGroup.findFirst({ where: { id: chosen.preview.groupId, ownerId: real.id }, select: { name: true } });
    if (!group) return none;
    groupName = group.name;
  }
  return { viewer: previewViewer(real.id, chosen.preview), real, preview: { ...chosen.preview, groupName } };
});

/**
 * The viewer for a JSON route about one item (its comments, its likers):
 * with `?space=<handle>` (sent by an item shown in a preview, see
 * PostView.previewSpace) that space's viewer, so "show more" in a preview
 * answers as the preview; otherwise the signed-in user. A preview only ever
 * narrows what the real user sees, so the parameter cannot widen anything.
 */
export async function getRouteViewer(req: Request): Promise<Viewer> {
  const space = new URL(req.url).searchParams.get("space");
  return space ? (await getSpaceViewer(space)).viewer : getViewer();
}
