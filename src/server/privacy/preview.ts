// "View my space as ...": the owner previews their own space with the access
// of a stranger, a friend, or a member of one of their groups. It is a Viewer
// like any other, handed to the same privacy functions, so the preview cannot
// disagree with what that person really sees (there is no copy of the rules).
import type { Access } from "./audience";
import type { Viewer } from "./relation";

export type PreviewAs = { as: "stranger" } | { as: "friend" } | { as: "group"; groupId: number };

export function previewAccess(p: PreviewAs): Access {
  if (p.as === "stranger") return { relation: "stranger", userId: null, groupIds: [] };
  return { relation: "friend", userId: null, groupIds: p.as === "group" ? [p.groupId] : [] };
}

/**
 * The owner seen as someone else. Its id 0 belongs to nobody, so nothing is
 * "mine", "liked by me" or editable; towards any other owner it is a stranger.
 */
export function previewViewer(ownerId: number, p: PreviewAs): NonNullable<Viewer> {
  return { id: 0, previewOf: { ownerId, access: previewAccess(p) } };
}
