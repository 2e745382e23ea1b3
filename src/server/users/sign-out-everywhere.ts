import "server-only";
import { db } from "@/server/db";
import { forgetViewer, type SignedInViewer } from "@/server/auth/viewer";

/** Invalidates every session of the viewer: tokens carrying the old version are refused by getViewer(). */
export async function signOutEverywhere(viewer: SignedInViewer) {
  await db.user.update({ where: { id: viewer.id }, data: { sessionVersion: { increment: 1 } } });
  forgetViewer(viewer.id);
}
