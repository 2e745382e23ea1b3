"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { updateVideoAction } from "@/actions/video-actions";
import type { PostView } from "@/server/presenters/post";
import { TextAreaField, TextField } from "@/components/music/form-fields";
import { Button } from "@/components/ui/button";

/** The owner's tools under a video on the Video tab: edit its title and description. */
export function VideoTools({ post }: { post: PostView }) {
  const t = useTranslations("video");
  const te = useTranslations("errors");
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(post.title ?? "");
  const [description, setDescription] = useState(post.body);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (pending) return;
    startTransition(async () => {
      const res = await updateVideoAction({ postId: post.id, title, description });
      if (res.ok) {
        setEditing(false);
        router.refresh();
      } else {
        setErrors(Object.fromEntries(Object.entries(res.fieldErrors ?? {}).map(([k, v]) => [k, te(v)])));
        setFormError(res.fieldErrors ? null : te(res.error));
      }
    });
  };

  return (
    <div className="mx-2 rounded-b-md border border-t-0 border-stone-200 bg-stone-50 px-3 py-2 text-sm">
      <div className="flex justify-end">
        <Button variant="ghost" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
          {t("edit")}
        </Button>
      </div>
      {editing && (
        <form onSubmit={submit} noValidate className="mt-2 space-y-3" aria-label={t("editHeading")}>
          <TextField label={t("title")} name="title" value={title} onChange={(e) => setTitle(e.target.value)} required error={errors.title} />
          <TextAreaField label={t("description")} name="description" value={description} onChange={(e) => setDescription(e.target.value)} error={errors.description} />
          {formError && (
            <p role="alert" className="text-red-700">
              {formError}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => setEditing(false)} disabled={pending}>
              {t("cancel")}
            </Button>
            <Button type="submit" pending={pending}>
              {t("save")}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
