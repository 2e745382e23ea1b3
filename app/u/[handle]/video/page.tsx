import { getTranslations } from "next-intl/server";
import { getSpaceViewer } from "@/server/preview/space-viewer";
import { orNotFound } from "@/server/http/or-not-found";
import { listSpacePosts } from "@/server/posts/list-space-posts";
import { getSpace } from "@/server/users/get-space";
import { getStorageUsage } from "@/server/media/storage-usage";
import { VideoTab } from "@/components/video/video-tab";

type Props = { params: Promise<{ handle: string }> };

export async function generateMetadata({ params }: Props) {
  const { handle } = await params;
  const t = await getTranslations("space");
  return { title: `${t("tab.video")} · @${handle}` };
}

/** The space's Video tab (视频): videos the viewer may see; the owner uploads here. */
export default async function VideoPage({ params }: Props) {
  const { handle } = await params;
  const { viewer, real } = await getSpaceViewer(handle);
  const space = await orNotFound(getSpace(viewer, handle));
  const [videos, t] = await Promise.all([listSpacePosts(viewer, { ownerId: space.owner.id, access: space.access, kind: "video" }), getTranslations("video")]);
  const isOwner = space.relation === "owner";
  // The owner's storage, shown on the upload form and checked there before a video is sent.
  const usage = isOwner && real ? await getStorageUsage(real) : undefined;
  return (
    <VideoTab initial={videos} endpoint={`/api/users/${space.owner.handle}/posts?kind=video`} isOwner={isOwner} usage={usage} emptyText={isOwner ? t("emptyOwner") : t("empty")} />
  );
}
