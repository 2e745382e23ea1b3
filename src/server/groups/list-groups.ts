import "server-only";
import type { SignedInViewer } from "@/server/auth/viewer";
import type { GroupView } from "./group-types";
import { loadGroups } from "./load-groups";

/** The viewer's friend groups with their members, by name. */
export async function listGroups(viewer: SignedInViewer): Promise<GroupView[]> {
  return loadGroups(viewer.id);
}
