import "server-only";
import { db } from "@/server/db";
import { forgetViewer, type SignedInViewer } from "@/server/auth/viewer";
import type { UpdateProfileInput } from "@/lib/validation/user";

/** The viewer edits their own profile; there is no way to name another user. */
export async function updateProfile(viewer: SignedInViewer, input: UpdateProfileInput) {
  await db.user.update({ where: { id: viewer.id }, data: { displayName: input.displayName, bio: input.bio } });
  forgetViewer(viewer.id);
}
