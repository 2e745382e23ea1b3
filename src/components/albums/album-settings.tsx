"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { deleteAlbumAction, updateAlbumAction } from "@/actions/album-actions";
import type { AlbumView } from "@/server/albums/album-types";
import { Button } from "@/components/ui/button";
import { audienceValue } from "@/lib/audience-choice";
import { AlbumForm } from "./album-form";

/** The owner's "Edit album": title, description, audience (its photos and batch posts follow), and delete. */
export function AlbumSettings({ album }: { album: AlbumView }) {
  const t = useTranslations("albums");
  const te = useTranslations("errors");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [deleting, startDelete] = useTransition();

  const remove = () => {
    if (!window.confirm(t("confirmDelete"))) return;
    startDelete(async () => {
      const res = await deleteAlbumAction({ albumId: album.id });
      if (res.ok) router.push(`/u/${album.owner.handle}/albums`);
      else setError(te(res.error));
    });
  };

  return (
    <div className="mt-3">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-controls="album-settings">
          {open ? t("closeEdit") : t("edit")}
        </Button>
        {saved && !open && (
          <span className="text-sm text-emerald-700" role="status">
            {t("saved")}
          </span>
        )}
      </div>
      {open && (
        <div id="album-settings" className="mt-3 space-y-4 border-t border-stone-100 pt-3">
          <AlbumForm
            idPrefix="edit-album"
            initial={{ title: album.title, description: album.description, ...audienceValue(album.audience, album.chosen) }}
            submitLabel={t("save")}
            onSubmit={(f) => updateAlbumAction({ albumId: album.id, ...f })}
            onDone={() => {
              setSaved(true);
              setOpen(false);
              router.refresh();
            }}
            onCancel={() => setOpen(false)}
          />
          <div className="border-t border-stone-100 pt-3">
            <Button variant="danger" onClick={remove} pending={deleting}>
              {t("delete")}
            </Button>
            {error && (
              <p className="mt-2 text-sm text-red-700" role="alert">
                {error}
              </p>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
