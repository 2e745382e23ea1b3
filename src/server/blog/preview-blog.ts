import "server-only";
import type { SignedInViewer } from "@/server/auth/viewer";
import type { PreviewBlogInput } from "@/lib/validation/blog";
import { mentionCandidates, renderMarkdown } from "./render-markdown";
import { existingHandles } from "@/server/mentions/existing-handles";

/**
 * The editor's live preview: exactly what publishing would store, so what
 * the author sees is what readers get. Signed-in only (the action requires a
 * viewer) and length-limited by the schema, so it is no free HTML renderer.
 */
export async function previewBlog(viewer: SignedInViewer, input: PreviewBlogInput): Promise<{ html: string }> {
  void viewer;
  return { html: renderMarkdown(input.source, await existingHandles(mentionCandidates(input.source))).html };
}
