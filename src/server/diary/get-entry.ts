import "server-only";
import { notFound } from "@/server/errors";
import { getPost } from "@/server/posts/get-post";
import type { Viewer } from "@/server/privacy";
import type { DiaryAttachment } from "@/server/presenters/attachment-types";
import type { PostView } from "@/server/presenters/post";

export type EntryView = PostView & { attachment: DiaryAttachment };

/**
 * One diary entry under its author's handle, if the viewer may read it
 * (getPost applies the privacy module). Another kind's id answers like a
 * missing entry, so /diary/<id> never shows a status post.
 */
export async function getEntry(viewer: Viewer, input: { postId: number; handle: string }): Promise<EntryView> {
  const post = await getPost(viewer, input);
  if (post.kind !== "diary" || post.attachment?.kind !== "diary") throw notFound();
  return post as EntryView;
}
