import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getSpaceViewer } from "@/server/preview/space-viewer";
import { orNotFound } from "@/server/http/or-not-found";
import { listAlbums } from "@/server/albums/list-albums";
import { getSpace } from "@/server/users/get-space";
import { AlbumCard } from "@/components/albums/album-card";
import { NewAlbum } from "@/components/albums/new-album";
import { EmptyState } from "@/components/ui/empty-state";

type Props = { params: Promise<{ handle: string }>; searchParams: Promise<{ before?: string }> };

const beforeSchema = z.coerce.number().int().positive().max(2147483647).optional().catch(undefined);

export async function generateMetadata({ params }: Props) {
  const { handle } = await params;
  const t = await getTranslations("albums");
  return { title: `${t("heading")} · @${handle}` };
}

/** The space's Albums tab (相册): albums the viewer may see, with covers; the owner can start a new one. */
export default async function AlbumsPage({ params, searchParams }: Props) {
  const { handle } = await params;
  const before = beforeSchema.parse((await searchParams).before);
  const { viewer } = await getSpaceViewer(handle);
  const space = await orNotFound(getSpace(viewer, handle));
  const [albums, t] = await Promise.all([listAlbums(viewer, { ownerId: space.owner.id, access: space.access, before }), getTranslations("albums")]);
  const isOwner = space.relation === "owner";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">{t("pageTitle", { name: space.owner.displayName })}</h2>
      </div>
      {isOwner && <NewAlbum handle={space.owner.handle} startOpen={albums.items.length === 0 && !before} />}
      {albums.items.length === 0 ? (
        <EmptyState testId="albums-empty">{isOwner ? t("emptyOwner") : t("empty")}</EmptyState>
      ) : (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" aria-label={t("heading")}>
          {albums.items.map((a) => (
            <AlbumCard key={a.id} album={a} />
          ))}
        </ul>
      )}
      {albums.nextCursor && (
        <Link href={`/u/${space.owner.handle}/albums?before=${albums.nextCursor}`} className="inline-block text-sm text-brand-700 hover:underline">
          {t("older")}
        </Link>
      )}
    </div>
  );
}
