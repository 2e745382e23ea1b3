"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { chosenNamesOf } from "@/lib/audience-choice";
import type { AlbumView } from "@/server/albums/album-types";
import { MediaImage } from "@/components/media/media-image";

/** One album on the Albums tab: its cover in a square box, title, photo count (and audience, for its owner). */
export function AlbumCard({ album }: { album: AlbumView }) {
  const t = useTranslations("albums");
  const ta = useTranslations("audience");
  const tp = useTranslations("audiencePicker");
  const chosen = chosenNamesOf(album.chosen);
  return (
    <li>
      <Link
        href={`/u/${album.owner.handle}/albums/${album.id}`}
        className="group block overflow-hidden rounded-lg border border-stone-200 bg-white shadow-sm focus-visible:ring-2 focus-visible:ring-brand-500"
        data-testid="album-card"
      >
        <div className="aspect-square w-full">
          {album.cover ? (
            <MediaImage media={album.cover} variant="thumb" alt="" className="h-full w-full transition group-hover:opacity-90" />
          ) : (
            <div className="flex h-full w-full items-center justify-center bg-stone-100 text-sm text-stone-500">{t("noCover")}</div>
          )}
        </div>
        <div className="p-2">
          <p className="truncate font-medium text-stone-900 group-hover:underline">{album.title}</p>
          <p className="text-xs text-stone-500">
            {t("count", { count: album.count })}
            {album.mine && <> · {chosen.length ? chosen.join(tp("separator")) : ta(album.audience)}</>}
          </p>
        </div>
      </Link>
    </li>
  );
}
