import "server-only";
import type { SignedInViewer } from "@/server/auth/viewer";
import { clearProfileImage } from "./clear-profile-image";

/** The viewer goes back to their initials; the old avatar's row and files are deleted. */
export async function removeAvatar(viewer: SignedInViewer): Promise<void> {
  await clearProfileImage(viewer, "avatarMediaId");
}
