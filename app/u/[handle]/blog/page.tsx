import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getSpaceViewer } from "@/server/preview/space-viewer";
import { listDrafts } from "@/server/blog/list-drafts";
import { orNotFound } from "@/server/http/or-not-found";
import { listSpacePosts } from "@/server/posts/list-space-posts";
import { getSpace } from "@/server/users/get-space";
import { DraftList } from "@/components/blog/draft-list";
import { PostList } from "@/components/posts/post-list";
import { EmptyState } from "@/components/ui/empty-state";

type Props = { params: Promise<{ handle: string }> };

export async function generateMetadata({ params }: Props) {
  const { handle } = await params;
  return { title: `${(await getTranslations("blog"))("tabTitle")} · @${handle}` };
}

/** The space's Blog tab: its blogs the viewer may see; the owner also gets "Write" and their drafts. */
export default async function BlogTabPage({ params }: Props) {
  const { handle } = await params;
  const { viewer, real } = await getSpaceViewer(handle);
  const space = await orNotFound(getSpace(viewer, handle));
  const isOwner = space.relation === "owner" && real !== null;
  const [posts, drafts, t] = await Promise.all([
    listSpacePosts(viewer, { ownerId: space.owner.id, access: space.access, kind: "blog" }),
    isOwner && real ? listDrafts(real) : Promise.resolve([]),
    getTranslations("blog"),
  ]);
  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3">
        <h2 className="text-lg font-semibold">{t("tabTitle")}</h2>
        {isOwner && (
          <Link
            href="/blog/write"
            aria-label={t("writeLabel")}
            className="ml-auto inline-flex min-h-9 items-center rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
          >
            {t("write")}
          </Link>
        )}
      </div>
      {isOwner && <DraftList drafts={drafts} />}
      <PostList
        initial={posts}
        endpoint={`/api/users/${space.owner.handle}/posts?kind=blog`}
        empty={<EmptyState testId="blog-empty">{isOwner ? t("emptyOwner") : t("empty")}</EmptyState>}
      />
    </div>
  );
}
