"use client";
import { useId, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { createTrackAction } from "@/actions/music-actions";
import type { QuotaUsage } from "@/lib/upload-check";
import { audienceFieldError, audienceValue, toChoice, type AudienceValue } from "@/lib/audience-choice";
import type { UploadResult } from "@/server/media/upload-types";
import type { MediaView } from "@/server/presenters/attachment-types";
import type { PostView } from "@/server/presenters/post";
import { PublishBar } from "./publish-bar";
import { TrackFields } from "./track-fields";
import { MediaUploadField, UploadStatus } from "./media-upload-field";

type Uploaded = { mediaId: number; fileName: string; media: MediaView };
type Fields = { title: string; artist: string; album: string; description: string };

/** "My Song.final.mp3" -> "My Song.final": the title when the file has no title tag. */
export const baseName = (name: string) => name.replace(/\.[^./\\]{1,8}$/, "") || name;

/**
 * The owner's "add a song": upload the file (progress shown), then a form
 * prefilled from the file's tags (title, artist, album) to check and publish.
 * The form's client key makes a double-click or retry publish one track.
 */
export function TrackUploader({ usage, onCreated }: { usage?: QuotaUsage; onCreated: (post: PostView) => void }) {
  const t = useTranslations("music");
  const te = useTranslations("errors");
  const headingId = useId();
  const [uploaded, setUploaded] = useState<Uploaded | null>(null);
  const [fields, setFields] = useState<Fields>({ title: "", artist: "", album: "", description: "" });
  const [audience, setAudience] = useState<AudienceValue>(() => audienceValue("FRIENDS"));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const clientKey = useRef<string>("");

  const onUploaded = (res: UploadResult, file: File) => {
    const tags = res.tags;
    setUploaded({ mediaId: res.media.id, fileName: res.media.fileName || file.name, media: res.media });
    // Tags longer than the form allows are cut to fit (100 characters, as the schema says).
    const fit = (s: string | null | undefined) => [...(s?.trim() ?? "")].slice(0, 100).join("");
    setFields({ title: fit(tags?.title) || fit(baseName(file.name)), artist: fit(tags?.artist), album: fit(tags?.album), description: "" });
    setErrors({});
    setFormError(null);
    setNotice(null);
    clientKey.current = crypto.randomUUID();
  };

  const set = (k: keyof Fields) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setFields((f) => ({ ...f, [k]: e.target.value }));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!uploaded || pending) return;
    startTransition(async () => {
      const res = await createTrackAction({ mediaId: uploaded.mediaId, ...fields, ...toChoice(audience), clientKey: clientKey.current });
      if (res.ok) {
        setUploaded(null);
        setNotice(t("published", { title: res.data.title ?? fields.title }));
        onCreated(res.data);
      } else {
        const fe = res.fieldErrors ?? {};
        setErrors(Object.fromEntries(Object.entries(fe).map(([k, v]) => [k, te(v)])));
        setFormError(fe.title || fe.artist || fe.album || fe.description ? null : te(res.error));
      }
    });
  };

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <h2 id={headingId} className="mb-3 font-semibold text-stone-900">
        {t("uploadHeading")}
      </h2>
      {!uploaded ? (
        <>
          <MediaUploadField purpose="audio" label={t("chooseFile")} formats={t("formats")} usage={usage} onUploaded={onUploaded} />
          {notice && (
            <p role="status" className="mt-2 text-sm text-green-800">
              {notice}
            </p>
          )}
        </>
      ) : (
        <form onSubmit={submit} noValidate className="space-y-3">
          <p className="text-sm text-stone-600">
            <span className="font-medium text-stone-800">{uploaded.fileName}</span> · {t("fromTags")}
          </p>
          <UploadStatus media={uploaded.media} />
          <TrackFields fields={fields} onChange={set} errors={errors} />
          <PublishBar
            id={headingId}
            labels={{ audience: t("audience"), cancel: t("cancel"), publish: t("publish") }}
            audience={audience}
            onAudience={setAudience}
            audienceError={audienceFieldError(errors)}
            onCancel={() => setUploaded(null)}
            pending={pending}
            formError={formError}
          />
        </form>
      )}
    </section>
  );
}
