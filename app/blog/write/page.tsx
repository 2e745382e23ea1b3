import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/server/auth/viewer";
import { getBlogForEdit } from "@/server/blog/get-blog-for-edit";
import { getDraft } from "@/server/blog/get-draft";
import { orNotFound } from "@/server/http/or-not-found";
import { getStorageUsage } from "@/server/media/storage-usage";
import { draftRefSchema } from "@/lib/validation/blog";
import { postRefSchema } from "@/lib/validation/post";
import { BlogEditor, type EditorInitial } from "@/components/blog/editor";

type Props = { searchParams: Promise<{ draft?: string; post?: string }> };

export async function generateMetadata({ searchParams }: Props) {
  const t = await getTranslations("blog");
  return { title: (await searchParams).post ? t("editTitle") : t("newTitle") };
}

/** Writing a blog: new (`/blog/write`), resuming a draft (`?draft=<id>`) or editing a published one (`?post=<id>`). */
export default async function WriteBlogPage({ searchParams }: Props) {
  const { draft, post } = await searchParams;
  const viewer = await getViewer();
  if (!viewer) {
    const back = `/blog/write${post ? `?post=${encodeURIComponent(post)}` : draft ? `?draft=${encodeURIComponent(draft)}` : ""}`;
    redirect(`/signin?callbackUrl=${encodeURIComponent(back)}`);
  }
  let initial: EditorInitial = { title: "", source: "", audience: "FRIENDS" };
  let cancelHref: string | undefined;
  if (post !== undefined) {
    const ref = postRefSchema.safeParse({ postId: post });
    if (!ref.success) notFound();
    const blog = await orNotFound(getBlogForEdit(viewer, ref.data));
    initial = { postId: blog.postId, title: blog.title, source: blog.source, audience: blog.audience, audienceGroupIds: blog.audienceGroupIds, audienceUserIds: blog.audienceUserIds };
    cancelHref = `/u/${viewer.handle}/blog/${blog.postId}`;
  } else if (draft !== undefined) {
    const ref = draftRefSchema.safeParse({ draftId: draft });
    if (!ref.success) notFound();
    const d = await orNotFound(getDraft(viewer, ref.data));
    initial = { draftId: d.id, title: d.title, source: d.source, audience: d.audience, audienceGroupIds: d.audienceGroupIds, audienceUserIds: d.audienceUserIds };
  }
  // The author's storage: shown under the text and checked before an image is sent.
  const usage = await getStorageUsage(viewer);
  // A new key per item: moving from one draft to another starts a fresh editor.
  return <BlogEditor key={`${initial.postId ?? "p"}-${initial.draftId ?? "d"}`} initial={initial} cancelHref={cancelHref} usage={usage} />;
}
