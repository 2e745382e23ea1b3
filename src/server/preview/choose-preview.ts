import "server-only";
import type { SignedInViewer } from "@/server/auth/viewer";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import type { PreviewInput } from "@/lib/validation/preview";
import { encodePreview } from "./preview-cookie";

/** Checks the choice (a group must be one of the viewer's own) and returns the cookie value to store. */
export async function choosePreview(viewer: SignedInViewer, input: PreviewInput): Promise<{ cookie: string; handle: string }> {
  if (input.as === "group") {
    const group = await db.friendGroup.findFirst({ where: { id: input.groupId, ownerId: viewer.id }, select: { id: true } });
    if (!group) throw notFound();
  }
  return { cookie: encodePreview(viewer.id, input), handle: viewer.handle };
}

/** The choices offered in the owner's "View as" menu: their groups, by name. */
export async function previewChoices(viewer: { id: number }): Promise<{ id: number; name: string }[]> {
  return db.friendGroup.findMany({ where: { ownerId: viewer.id }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
