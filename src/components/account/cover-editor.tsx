"use client";
import { cleanFileName } from "@/lib/file-name";
// Settings > Space cover: choose a wide image, see it as the space header will
// show it, save (progress, then "processing" until the job has made it), or
// remove it to go back to the plain banner.
import { useCallback, useEffect, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { removeCoverAction } from "@/actions/profile-media-actions";
import { checkBeforeUpload, formatBytes, limitOf } from "@/components/media/upload-file";
import { Button } from "@/components/ui/button";
import { mediaUrl } from "@/lib/media-url";
import { ACCEPT } from "@/server/media/limits";
import { LimitHint, UploadStatus, useProfileUpload } from "./profile-upload";

// Same box as the space header's cover, so the preview shows the same cut.
const COVER_BOX = "h-32 w-full rounded-md object-cover sm:h-44";

/** `remainingBytes`: what is left of the owner's storage quota (from the page), checked before the image is sent. */
export function CoverEditor({ coverMediaId, remainingBytes }: { coverMediaId: number | null; remainingBytes?: number }) {
  const t = useTranslations("profileMedia");
  const te = useTranslations("errors");
  const locale = useLocale();
  const router = useRouter();
  const [chosen, setChosen] = useState<{ file: File; url: string; broken: boolean } | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [removing, startRemove] = useTransition();
  const clear = useCallback(() => setChosen(null), []);
  const upload = useProfileUpload("cover", coverMediaId, clear);

  const url = chosen?.url;
  useEffect(() => (url ? () => URL.revokeObjectURL(url) : undefined), [url]);

  const choose = (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    const early = checkBeforeUpload(file, "cover", remainingBytes ?? null);
    setPickError(early ? te(early, { name: cleanFileName(file.name), limit: formatBytes(limitOf("cover"), locale) }) : null);
    upload.reset();
    setChosen(early ? null : { file, url: URL.createObjectURL(file), broken: false });
  };
  const remove = () =>
    startRemove(async () => {
      const res = await removeCoverAction({});
      setRemoveError(res.ok ? null : te(res.error));
      if (res.ok) router.refresh();
    });

  return (
    <div className="space-y-3">
      {chosen && !chosen.broken ? (
        // eslint-disable-next-line @next/next/no-img-element -- a local object URL of the chosen file
        <img src={chosen.url} alt={t("coverPreview")} onError={() => setChosen((c) => (c ? { ...c, broken: true } : c))} className={COVER_BOX} data-testid="cover-preview" />
      ) : coverMediaId ? (
        // eslint-disable-next-line @next/next/no-img-element -- privacy-checked media route
        <img src={mediaUrl(coverMediaId, "display")} alt={t("currentCover")} className={COVER_BOX} />
      ) : (
        <div className="flex h-24 items-center justify-center rounded-md bg-gradient-to-r from-amber-200 via-orange-200 to-rose-200 px-4 text-center text-sm text-stone-700">{t("noCover")}</div>
      )}
      {chosen?.broken && (
        <p role="alert" className="text-sm text-red-700">
          {te("fileUnsupported", { name: cleanFileName(chosen.file.name) })}
        </p>
      )}
      {pickError && (
        <p role="alert" className="text-sm text-red-700">
          {pickError}
        </p>
      )}
      {removeError && (
        <p role="alert" className="text-sm text-red-700">
          {removeError}
        </p>
      )}
      <UploadStatus purpose="cover" upload={upload} />
      <div className="flex flex-wrap items-center gap-2">
        {chosen && !chosen.broken ? (
          <>
            <Button onClick={() => void upload.start(chosen.file)} pending={upload.busy}>
              {t("saveCover")}
            </Button>
            <Button variant="ghost" onClick={clear} disabled={upload.busy}>
              {t("cancel")}
            </Button>
          </>
        ) : (
          <div className="space-y-1">
            <label className="inline-flex min-h-9 cursor-pointer items-center rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 focus-within:ring-2 focus-within:ring-brand-500 hover:bg-stone-50">
              {t("chooseCover")}
              <input type="file" accept={ACCEPT.image} onChange={choose} aria-describedby="cover-limit" className="sr-only" />
            </label>
            <LimitHint purpose="cover" id="cover-limit" />
          </div>
        )}
        {coverMediaId && !chosen && (
          <Button variant="secondary" pending={removing} onClick={remove} className="ml-auto">
            {t("removeCover")}
          </Button>
        )}
      </div>
    </div>
  );
}
