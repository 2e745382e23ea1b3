"use client";
import { useId, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { createVideoAction } from "@/actions/video-actions";
import type { QuotaUsage } from "@/lib/upload-check";
import { audienceFieldError, audienceValue, toChoice, type AudienceValue } from "@/lib/audience-choice";
import type { UploadResult } from "@/server/media/upload-types";
import type { MediaView } from "@/server/presenters/attachment-types";
import type { PostView } from "@/server/presenters/post";
import { MediaUploadField, UploadStatus } from "@/components/music/media-upload-field";
import { TextAreaField, TextField } from "@/components/music/form-fields";
import { PublishBar } from "@/components/music/publish-bar";
import { baseName } from "@/components/music/track-uploader";

/**
 * The owner's "add a video": upload (progress shown), then title (from the
 * file name), description and audience, and publish. The video is processing
 * (poster frame, duration) for a moment; only its owner sees it until then.
 */
export function VideoUploader({ usage, onCreated }: { usage?: QuotaUsage; onCreated: (post: PostView) => void }) {
  const t = useTranslations("video");
  const te = useTranslations("errors");
  const headingId = useId();
  const [uploaded, setUploaded] = useState<{ mediaId: number; fileName: string; media: MediaView } | null>(null);
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [audience, setAudience] = useState<AudienceValue>(() => audienceValue("FRIENDS"));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const clientKey = useRef("");

  const onUploaded = (res: UploadResult, file: File) => {
    setUploaded({ mediaId: res.media.id, fileName: res.media.fileName || file.name, media: res.media });
    setTitle([...baseName(file.name)].slice(0, 100).join(""));
    setDescription("");
    setErrors({});
    setFormError(null);
    setNotice(null);
    clientKey.current = crypto.randomUUID();
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!uploaded || pending) return;
    startTransition(async () => {
      const res = await createVideoAction({ mediaId: uploaded.mediaId, title, description, ...toChoice(audience), clientKey: clientKey.current });
      if (res.ok) {
        setUploaded(null);
        setNotice(t("published", { title: res.data.title ?? title }));
        onCreated(res.data);
      } else {
        const fe = res.fieldErrors ?? {};
        setErrors(Object.fromEntries(Object.entries(fe).map(([k, v]) => [k, te(v)])));
        setFormError(fe.title || fe.description ? null : te(res.error));
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
          <MediaUploadField purpose="video" label={t("chooseFile")} formats={t("formats")} usage={usage} onUploaded={onUploaded} />
          {notice && (
            <p role="status" className="mt-2 text-sm text-green-800">
              {notice}
            </p>
          )}
        </>
      ) : (
        <form onSubmit={submit} noValidate className="space-y-3">
          <p className="truncate text-sm font-medium text-stone-800">{uploaded.fileName}</p>
          <UploadStatus media={uploaded.media} />
          <TextField label={t("title")} name="title" value={title} onChange={(e) => setTitle(e.target.value)} required error={errors.title} />
          <TextAreaField label={t("description")} name="description" value={description} onChange={(e) => setDescription(e.target.value)} error={errors.description} />
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
