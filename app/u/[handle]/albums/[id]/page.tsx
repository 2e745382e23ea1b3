import Link from "next/link";
import { chosenNamesOf } from "@/lib/audience-choice";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSpaceViewer } from "@/server/preview/space-viewer";
import { orNotFound } from "@/server/http/or-not-found";
import { getAlbum } from "@/server/albums/get-album";
import { listAlbumChoices } from "@/server/albums/list-albums";
import { listPhotos } from "@/server/albums/list-photos";
import { albumRefSchema } from "@/lib/validation/album";
import { AlbumPhotos } from "@/components/albums/album-photos";
import { AlbumSettings } from "@/components/albums/album-settings";
import { StorageUsage } from "@/components/media/storage-usage";
import { getStorageUsage } from "@/server/media/storage-usage";
import { listSpacePosts } from "@/server/posts/list-space-posts";
import { getSpace } from "@/server/users/get-space";
import { PostList } from "@/components/posts/post-list";
import { EmptyState } from "@/components/ui/empty-state";

type Props = { params: Promise<{ handle: string; id: string }> };

/**
 * An album: everyone who may see it gets the grid and the viewer; its owner
 * also uploads and manages. Below the grid, the album's uploads (the photo
 * batches friends see in their feeds) carry the likes and comments on its
 * photos. Hidden = missing = 404.
 */
export default async function AlbumPage({ params }: Props) {
  const { handle, id } = await params;
  const ref = albumRefSchema.safeParse({ albumId: id });
  if (!ref.success) notFound();
  const { viewer, real } = await getSpaceViewer(handle);
  const album = await orNotFound(getAlbum(viewer, { albumId: ref.data.albumId, handle }));
  const space = await getSpace(viewer, handle);
  const [photos, uploads, choices, t, ta] = await Promise.all([
    listPhotos(viewer, { albumId: album.id }),
    listSpacePosts(viewer, { ownerId: space.owner.id, access: space.access, kind: "photos", albumId: album.id }),
    album.mine && real ? listAlbumChoices(real) : Promise.resolve([]),
    getTranslations("albums"),
    getTranslations("audience"),
  ]);
  const tp = await getTranslations("audiencePicker");
  // The owner's storage: shown here, and the uploader checks chosen photos against it before sending.
  const usage = album.mine && real ? await getStorageUsage(real) : undefined;
  const chosen = chosenNamesOf(album.chosen);
  return (
    <div className="space-y-4">
      <Link href={`/u/${album.owner.handle}/albums`} className="text-sm text-brand-700 hover:underline">
        ← {t("allAlbums")}
      </Link>
      <header className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
        <h2 className="text-xl font-semibold break-words">{album.title}</h2>
        {album.description && <p className="mt-1 whitespace-pre-wrap break-words text-stone-700">{album.description}</p>}
        <p className="mt-1 text-sm text-stone-500">
          {t("count", { count: album.count })}
          {album.mine && <> · {chosen.length ? chosen.join(tp("separator")) : ta(album.audience)}</>}
        </p>
        {usage && (
          <div className="mt-2">
            <StorageUsage {...usage} />
          </div>
        )}
        {album.mine && <AlbumSettings album={album} />}
      </header>
      <AlbumPhotos album={album} initial={photos} choices={choices} usage={usage} />
      <section aria-labelledby="album-uploads" className="space-y-3" data-testid="album-uploads">
        <div>
          <h3 id="album-uploads" className="text-lg font-semibold">
            {t("updates")}
          </h3>
          <p className="text-sm text-stone-500">{t("updatesHint")}</p>
        </div>
        <PostList
          initial={uploads}
          endpoint={`/api/users/${album.owner.handle}/posts?kind=photos&album=${album.id}`}
          empty={<EmptyState testId="album-uploads-empty">{t("updatesEmpty")}</EmptyState>}
        />
      </section>
    </div>
  );
}

export async function generateMetadata({ params }: Props) {
  const { handle } = await params;
  const t = await getTranslations("albums");
  return { title: `${t("heading")} · @${handle}` };
}
