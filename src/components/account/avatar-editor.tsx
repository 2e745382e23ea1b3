"use client";
import { cleanFileName } from "@/lib/file-name";
// Settings > Avatar: choose an image, crop it square with a live round
// preview, save (progress, then "processing" until the job has made it), or
// remove it to go back to the initials.
import { useCallback, useEffect, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { removeAvatarAction } from "@/actions/profile-media-actions";
import { checkBeforeUpload, formatBytes, limitOf } from "@/components/media/upload-file";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { avatarUrl } from "@/lib/media-url";
import { ACCEPT } from "@/server/media/limits";
import { initialSquare, toFractions, type CropSquare, type Size } from "./avatar-crop";
import { AvatarCropper } from "./avatar-cropper";
import { LimitHint, UploadStatus, useProfileUpload } from "./profile-upload";

type Chosen = { file: File; url: string; image: Size | null; square: CropSquare | null; broken: boolean };

/** `remainingBytes`: what is left of the owner's storage quota (from the page), checked before the image is sent. */
export function AvatarEditor({ user, remainingBytes }: { user: { id: number; displayName: string; avatarMediaId: number | null }; remainingBytes?: number }) {
  const t = useTranslations("profileMedia");
  const te = useTranslations("errors");
  const locale = useLocale();
  const router = useRouter();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [removing, startRemove] = useTransition();
  const clear = useCallback(() => setChosen(null), []);
  const upload = useProfileUpload("avatar", user.avatarMediaId, clear);

  // The object URL lives exactly as long as the choice.
  const url = chosen?.url;
  useEffect(() => (url ? () => URL.revokeObjectURL(url) : undefined), [url]);

  const choose = (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ""; // choosing the same file again still fires change
    if (!file) return;
    const early = checkBeforeUpload(file, "avatar", remainingBytes ?? null);
    setPickError(early ? te(early, { name: cleanFileName(file.name), limit: formatBytes(limitOf("avatar"), locale) }) : null);
    upload.reset();
    setChosen(early ? null : { file, url: URL.createObjectURL(file), image: null, square: null, broken: false });
  };
  // The browser shows the image EXIF-oriented; its natural size is the oriented one, like the server's after rotate().
  const loaded = (e: React.SyntheticEvent<HTMLImageElement>) => {
    const image = { width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight };
    setChosen((c) => (c ? { ...c, image, square: initialSquare(image) } : c));
  };
  const save = () => {
    if (chosen?.image && chosen.square) void upload.start(chosen.file, toFractions(chosen.image, chosen.square));
  };
  const remove = () =>
    startRemove(async () => {
      const res = await removeAvatarAction({});
      setRemoveError(res.ok ? null : te(res.error));
      if (res.ok) router.refresh();
    });

  const ready = chosen?.image && chosen.square;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-4">
        <Avatar user={{ ...user, avatarUrl: avatarUrl(user.avatarMediaId) }} size="lg" />
        <div className="space-y-1">
          <label
            className={`inline-flex min-h-9 cursor-pointer items-center rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 focus-within:ring-2 focus-within:ring-brand-500 hover:bg-stone-50 ${upload.busy ? "pointer-events-none opacity-60" : ""}`}
          >
            {t("chooseAvatar")}
            <input type="file" accept={ACCEPT.image} onChange={choose} disabled={upload.busy} aria-describedby="avatar-limit" className="sr-only" />
          </label>
          <LimitHint purpose="avatar" id="avatar-limit" />
        </div>
        {user.avatarMediaId && !chosen && (
          <Button variant="secondary" pending={removing} onClick={remove} className="ml-auto">
            {t("removeAvatar")}
          </Button>
        )}
      </div>
      {!user.avatarMediaId && !chosen && <p className="text-sm text-stone-500">{t("noAvatar")}</p>}
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
      {chosen && !chosen.broken && !ready && (
        // Loads the file once to learn its (oriented) size; the cropper shows it after.
        // eslint-disable-next-line @next/next/no-img-element -- a local object URL of the chosen file
        <img src={chosen.url} alt="" onLoad={loaded} onError={() => setChosen((c) => (c ? { ...c, broken: true } : c))} className="hidden" />
      )}
      {chosen?.broken && (
        <p role="alert" className="text-sm text-red-700">
          {te("fileUnsupported", { name: cleanFileName(chosen.file.name) })}
        </p>
      )}
      {ready && (
        <div className="space-y-3">
          <AvatarCropper
            src={chosen.url}
            image={chosen.image!}
            square={chosen.square!}
            disabled={upload.busy}
            onChange={(next) => setChosen((c) => (c?.square && c.image ? { ...c, square: next(c.square) } : c))}
          />
          <UploadStatus purpose="avatar" upload={upload} />
          <div className="flex gap-2">
            <Button onClick={save} pending={upload.busy}>
              {t("saveAvatar")}
            </Button>
            <Button variant="ghost" onClick={clear} disabled={upload.busy}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
