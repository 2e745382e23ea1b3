import { getTranslations } from "next-intl/server";
import { getSpaceViewer } from "@/server/preview/space-viewer";
import { orNotFound } from "@/server/http/or-not-found";
import { listSpacePosts } from "@/server/posts/list-space-posts";
import { getSpace } from "@/server/users/get-space";
import { getStorageUsage } from "@/server/media/storage-usage";
import { MusicTab } from "@/components/music/music-tab";

type Props = { params: Promise<{ handle: string }> };

export async function generateMetadata({ params }: Props) {
  const { handle } = await params;
  const t = await getTranslations("space");
  return { title: `${t("tab.music")} · @${handle}` };
}

/** The space's Music tab (音乐): songs the viewer may see; the owner uploads and picks the background music here. */
export default async function MusicPage({ params }: Props) {
  const { handle } = await params;
  const { viewer, real } = await getSpaceViewer(handle);
  const space = await orNotFound(getSpace(viewer, handle));
  const [tracks, t] = await Promise.all([listSpacePosts(viewer, { ownerId: space.owner.id, access: space.access, kind: "music" }), getTranslations("music")]);
  const isOwner = space.relation === "owner";
  // The owner's storage, shown on the upload form and checked there before a song is sent.
  const usage = isOwner && real ? await getStorageUsage(real) : undefined;
  return (
    <MusicTab initial={tracks} endpoint={`/api/users/${space.owner.handle}/posts?kind=music`} isOwner={isOwner} usage={usage} emptyText={isOwner ? t("emptyOwner") : t("empty")} />
  );
}
