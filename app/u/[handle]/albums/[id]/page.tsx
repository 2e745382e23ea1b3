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

type Props = { params: Promise<{ handle: string; id: string }> };

/** An album: everyone who may see it gets the grid and the viewer; its owner also uploads and manages. Hidden = missing = 404. */
export default async function AlbumPage({ params }: Props) {
  const { handle, id } = await params;
  const ref = albumRefSchema.safeParse({ albumId: id });
  if (!ref.success) notFound();
  const { viewer, real } = await getSpaceViewer(handle);
  const album = await orNotFound(getAlbum(viewer, { albumId: ref.data.albumId, handle }));
  const [photos, choices, t, ta] = await Promise.all([
    listPhotos(viewer, { albumId: album.id }),
    album.mine && real ? listAlbumChoices(real) : Promise.resolve([]),
    getTranslations("albums"),
    getTranslations("audience"),
  ]);
  const tp = await getTranslations("audiencePicker");
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
        {album.mine && real && (
          <div className="mt-2">
            <StorageUsage {...await getStorageUsage(real)} />
          </div>
        )}
        {album.mine && <AlbumSettings album={album} />}
      </header>
      <AlbumPhotos album={album} initial={photos} choices={choices} />
    </div>
  );
}

export async function generateMetadata({ params }: Props) {
  const { handle } = await params;
  const t = await getTranslations("albums");
  return { title: `${t("heading")} · @${handle}` };
}
