"use client";
import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { setBackgroundMusicAction, updateTrackAction } from "@/actions/music-actions";
import type { PostView } from "@/server/presenters/post";
import type { MusicAttachment } from "@/server/presenters/attachment-types";
import { Button } from "@/components/ui/button";
import { TrackCoverEditor } from "./track-cover-editor";
import { TrackFields } from "./track-fields";

/**
 * The owner's tools under a song on the Music tab: the background-music
 * switch (tracks play in the order they were switched on) and editing the
 * cover art, title, artist, album and description. All refresh the page's server data,
 * so the card and the space's mini-player show the change.
 */
export function TrackTools({ post, attachment }: { post: PostView; attachment: MusicAttachment }) {
  const t = useTranslations("music");
  const te = useTranslations("errors");
  const router = useRouter();
  const id = useId();
  const [bgm, setBgm] = useState(attachment.bgm);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const toggleBgm = (on: boolean) => {
    setBgm(on);
    startTransition(async () => {
      const res = await setBackgroundMusicAction({ postId: post.id, on });
      if (res.ok) {
        setError(null);
        router.refresh();
      } else {
        setBgm(!on);
        setError(te(res.error));
      }
    });
  };

  return (
    <div className="mx-2 rounded-b-md border border-t-0 border-stone-200 bg-stone-50 px-3 py-2 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        <input id={`${id}-bgm`} type="checkbox" checked={bgm} disabled={pending} onChange={(e) => toggleBgm(e.target.checked)} aria-describedby={`${id}-bgm-hint`} className="h-4 w-4 accent-brand-600" />
        <label htmlFor={`${id}-bgm`} className="font-medium text-stone-800">
          {t("bgm")}
        </label>
        <span id={`${id}-bgm-hint`} className="hidden text-xs text-stone-500 sm:inline">
          {t("bgmHint")}
        </span>
        {pending && <span aria-hidden className="h-3.5 w-3.5 animate-spin rounded-full border-2 border-stone-400 border-r-transparent" />}
        <Button variant="ghost" className="ml-auto" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
          {t("edit")}
        </Button>
      </div>
      {error && (
        <p role="alert" className="mt-1 text-red-700">
          {error}
        </p>
      )}
      {editing && <TrackEditForm post={post} attachment={attachment} onDone={() => setEditing(false)} />}
    </div>
  );
}

function TrackEditForm({ post, attachment, onDone }: { post: PostView; attachment: MusicAttachment; onDone: () => void }) {
  const t = useTranslations("music");
  const te = useTranslations("errors");
  const router = useRouter();
  const [fields, setFields] = useState({ title: post.title ?? "", artist: attachment.artist, album: attachment.albumName, description: post.body });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const set = (k: keyof typeof fields) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setFields((f) => ({ ...f, [k]: e.target.value }));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (pending) return;
    startTransition(async () => {
      const res = await updateTrackAction({ postId: post.id, ...fields });
      if (res.ok) {
        router.refresh();
        onDone();
      } else {
        setErrors(Object.fromEntries(Object.entries(res.fieldErrors ?? {}).map(([k, v]) => [k, te(v)])));
        setFormError(res.fieldErrors ? null : te(res.error));
      }
    });
  };

  return (
    <form onSubmit={submit} noValidate className="mt-3 space-y-3" aria-label={t("editHeading")}>
      {/* Saved on its own, at once: the fields below wait for Save. */}
      <TrackCoverEditor postId={post.id} title={post.title ?? ""} attachment={attachment} />
      <TrackFields fields={fields} onChange={set} errors={errors} />
      {formError && (
        <p role="alert" className="text-red-700">
          {formError}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="ghost" onClick={onDone} disabled={pending}>
          {t("cancel")}
        </Button>
        <Button type="submit" pending={pending}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
