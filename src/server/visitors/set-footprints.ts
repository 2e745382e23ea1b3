import "server-only";
import type { SignedInViewer } from "@/server/auth/viewer";
import { db } from "@/server/db";
import { forgetRecentVisits } from "./record-visit";

/** The viewer's "visit without leaving footprints" setting. */
export async function getFootprints(viewer: SignedInViewer): Promise<{ hide: boolean }> {
  const user = await db.user.findUnique({ where: { id: viewer.id }, select: { hideFootprints: true } });
  return { hide: user?.hideFootprints ?? false };
}

/**
 * Turns "visit without leaving footprints" on or off. On: the viewer's visits
 * stop being recorded (and are left out of others' lists), and they no longer
 * see their own visitors either.
 */
export async function setFootprints(viewer: SignedInViewer, input: { hide: boolean }): Promise<{ hide: boolean }> {
  await db.user.update({ where: { id: viewer.id }, data: { hideFootprints: input.hide } });
  // A visit skipped a moment ago (while hidden) must be recorded on the next page view.
  forgetRecentVisits(viewer.id);
  return { hide: input.hide };
}
