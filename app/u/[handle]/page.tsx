import { getTranslations } from "next-intl/server";
import { getViewer } from "@/server/auth/viewer";
import { orNotFound } from "@/server/http/or-not-found";
import { listSpacePosts } from "@/server/posts/list-space-posts";
import { getSpace } from "@/server/users/get-space";
import { SpaceHeader } from "@/components/layout/space-header";
import { FeedView } from "@/components/posts/feed-view";

type Props = { params: Promise<{ handle: string }> };

export async function generateMetadata({ params }: Props) {
  const { handle } = await params;
  return { title: `@${handle}` };
}

export default async function SpacePage({ params }: Props) {
  const { handle } = await params;
  const viewer = await getViewer();
  const space = await orNotFound(getSpace(viewer, handle));
  const [posts, t] = await Promise.all([
    listSpacePosts(viewer, { ownerId: space.owner.id, relation: space.relation }),
    getTranslations("space"),
  ]);
  const isOwner = space.relation === "owner";
  return (
    <>
      <SpaceHeader space={space} signedIn={Boolean(viewer)} />
      <FeedView
        initial={posts}
        endpoint={`/api/users/${space.owner.handle}/posts`}
        canPost={isOwner}
        empty={
          <p className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center text-stone-600" data-testid="space-empty">
            {isOwner ? t("emptyOwner") : t("empty")}
          </p>
        }
      />
    </>
  );
}
