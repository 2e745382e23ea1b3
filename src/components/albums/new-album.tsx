"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { createAlbumAction } from "@/actions/album-actions";
import { Button } from "@/components/ui/button";
import { AlbumForm } from "./album-form";

/** The Albums tab's "New album": opens the form; a created album opens its page, ready for photos. */
export function NewAlbum({ handle, startOpen }: { handle: string; startOpen: boolean }) {
  const t = useTranslations("albums");
  const router = useRouter();
  const [open, setOpen] = useState(startOpen);
  // One key per form: a double submit or a retry creates one album.
  const clientKey = useRef(crypto.randomUUID());
  if (!open)
    return (
      <Button onClick={() => setOpen(true)} aria-expanded={false}>
        {t("newAlbum")}
      </Button>
    );
  return (
    <section className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm" aria-labelledby="new-album-title">
      <h3 id="new-album-title" className="mb-3 font-semibold">
        {t("newAlbum")}
      </h3>
      <AlbumForm
        idPrefix="new-album"
        submitLabel={t("create")}
        onSubmit={(f) => createAlbumAction({ ...f, clientKey: clientKey.current })}
        onDone={(album) => {
          clientKey.current = crypto.randomUUID();
          router.push(`/u/${handle}/albums/${album.id}`);
        }}
        onCancel={() => setOpen(false)}
      />
    </section>
  );
}
