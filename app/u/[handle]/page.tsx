import { getTranslations } from "next-intl/server";
import { getSpaceViewer } from "@/server/preview/space-viewer";
import { orNotFound } from "@/server/http/or-not-found";
import { listSpacePosts } from "@/server/posts/list-space-posts";
import { getSpace } from "@/server/users/get-space";
import { FeedView } from "@/components/posts/feed-view";
import { EmptyState } from "@/components/ui/empty-state";

type Props = { params: Promise<{ handle: string }> };

export async function generateMetadata({ params }: Props) {
  const { handle } = await params;
  return { title: `@${handle}` };
}

/** The space's first tab: status posts (说说). The header and tabs come from the layout. */
export default async function SpacePage({ params }: Props) {
  const { handle } = await params;
  const { viewer } = await getSpaceViewer(handle);
  const space = await orNotFound(getSpace(viewer, handle));
  const [posts, t] = await Promise.all([
    listSpacePosts(viewer, { ownerId: space.owner.id, access: space.access, kind: "status" }),
    getTranslations("space"),
  ]);
  const isOwner = space.relation === "owner";
  return (
    <FeedView
      initial={posts}
      endpoint={`/api/users/${space.owner.handle}/posts?kind=status`}
      canPost={isOwner}
      empty={<EmptyState testId="space-empty">{isOwner ? t("emptyOwner") : t("empty")}</EmptyState>}
    />
  );
}
