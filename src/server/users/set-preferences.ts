import "server-only";
import { db } from "@/server/db";
import { forgetViewer, type SignedInViewer } from "@/server/auth/viewer";

export async function setPreferences(viewer: SignedInViewer, prefs: { locale?: string; timeZone?: string }) {
  await db.user.update({ where: { id: viewer.id }, data: prefs });
  forgetViewer(viewer.id);
}
