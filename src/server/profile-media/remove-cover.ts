import "server-only";
import type { SignedInViewer } from "@/server/auth/viewer";
import { clearProfileImage } from "./clear-profile-image";

/** The space header goes back to its plain banner; the old cover's row and files are deleted. */
export async function removeCover(viewer: SignedInViewer): Promise<void> {
  await clearProfileImage(viewer, "coverMediaId");
}
