"use client";
import { cleanFileName } from "@/lib/file-name";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useLayoutEffect, useRef, useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { publishBlogAction, updateBlogAction } from "@/actions/blog-actions";
import type { Audience } from "@/lib/audiences";
import { audienceFieldError, audienceValue, toChoice, type AudienceValue } from "@/lib/audience-choice";
import { charLength } from "@/lib/limits";
import type { QuotaUsage } from "@/lib/upload-check";
import { mediaUrl } from "@/lib/media-url";
import { BLOG_SOURCE_MAX, BLOG_TITLE_MAX } from "@/lib/validation/blog";
import type { MediaView } from "@/server/presenters/attachment-types";
import { checkBatchBeforeUpload, formatBytes, limitOf, uploadFile } from "@/components/media/upload-file";
import { StorageUsage } from "@/components/media/storage-usage";
import { useQuota } from "@/components/media/use-quota";
import { AudiencePicker } from "@/components/posts/audience-picker";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ImageUploads, type UploadRow } from "./image-uploads";
import { altFromFileName, insertBlock, prefixLines, wrap, type Edit } from "./markdown-edit";
import { Toolbar, type ToolbarAction } from "./toolbar";
import { useDraftAutosave } from "./use-draft-autosave";
import { usePreview } from "./use-preview";
import "./blog-prose.css";
import { MentionTextarea } from "@/components/mentions/mention-textarea";

export type EditorInitial = { draftId?: number; postId?: number; title: string; source: string; audience: Audience; audienceGroupIds?: number[]; audienceUserIds?: number[] };

/**
 * Writes a blog in Markdown with a toolbar and a live preview (tabs on a
 * phone, side by side on a wide screen). A new blog is a draft saved as the
 * author types; publishing turns that draft into the post. Editing a
 * published blog saves straight onto it. Images are checked against the
 * per-file limit and the author's remaining storage before they are sent.
 */
export function BlogEditor({ initial, cancelHref, usage }: { initial: EditorInitial; cancelHref?: string; usage?: QuotaUsage }) {
  const t = useTranslations("blog");
  const te = useTranslations("errors");
  const locale = useLocale();
  const router = useRouter();
  const editing = initial.postId !== undefined;
  const [title, setTitle] = useState(initial.title);
  const [source, setSource] = useState(initial.source);
  const [audience, setAudience] = useState<AudienceValue>(() => audienceValue(initial.audience, initial));
  const [tab, setTab] = useState<"write" | "preview">("write");
  const [errors, setErrors] = useState<{ title?: string; source?: string; audience?: string; form?: string }>({});
  const [uploads, setUploads] = useState<UploadRow[]>([]);
  const [previewKey, setPreviewKey] = useState(0);
  const [pending, startTransition] = useTransition();
  const clientKey = useRef(crypto.randomUUID());
  const textarea = useRef<HTMLTextAreaElement>(null);
  const selection = useRef<[number, number] | null>(null);

  const autosave = useDraftAutosave(!editing, initial.draftId, { title, source, ...audience });
  const preview = usePreview(source);
  const limit = formatBytes(limitOf("inline"), locale);
  const quota = useQuota(usage);

  // Restores the selection a toolbar edit asked for, once React has put the new text in.
  useLayoutEffect(() => {
    const el = textarea.current;
    if (!el || !selection.current) return;
    el.focus();
    el.setSelectionRange(...selection.current);
    selection.current = null;
  }, [source]);

  const apply = useCallback((edit: (text: string, start: number, end: number) => Edit) => {
    const el = textarea.current;
    if (!el) return;
    const next = edit(el.value, el.selectionStart, el.selectionEnd);
    selection.current = [next.start, next.end];
    setSource(next.text);
  }, []);

  const act = (a: ToolbarAction) => {
    const sample = t("sampleText");
    switch (a) {
      case "bold":
        return apply((x, s, e) => wrap(x, s, e, "**", "**", sample));
      case "italic":
        return apply((x, s, e) => wrap(x, s, e, "_", "_", sample));
      case "strike":
        return apply((x, s, e) => wrap(x, s, e, "~~", "~~", sample));
      case "code":
        return apply((x, s, e) => wrap(x, s, e, "`", "`", sample));
      case "link":
        return apply((x, s, e) => wrap(x, s, e, "[", "](https://)", t("sampleLink")));
      case "heading":
        return apply((x, s, e) => (s === e && x.slice(x.lastIndexOf("\n", s - 1) + 1, s).trim() === "" && !x.slice(s).split("\n")[0]!.trim() ? wrap(x, s, e, "## ", "", t("sampleHeading")) : prefixLines(x, s, e, () => "## ", /^#{1,6} /)));
      case "bulletList":
        return apply((x, s, e) => prefixLines(x, s, e, () => "- ", /^[-*+] /));
      case "numberedList":
        return apply((x, s, e) => prefixLines(x, s, e, (i) => `${i + 1}. `, /^\d+\. /));
      case "quote":
        return apply((x, s, e) => prefixLines(x, s, e, () => "> ", /^> ?/));
    }
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
    const key = e.key.toLowerCase();
    const action = key === "b" ? "bold" : key === "i" ? "italic" : key === "k" ? "link" : null;
    if (!action) return;
    e.preventDefault();
    act(action);
  };

  const updateRow = (key: string, patch: Partial<UploadRow>) => setUploads((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const pickImages = (files: File[]) => {
    // The whole selection against what is left of the quota, in order: refused files are named and never sent.
    const checks = checkBatchBeforeUpload(files, "inline", quota.remaining);
    files.forEach((file, i) => {
      // One key per file, reused if the request is retried: the server stores it once.
      const key = crypto.randomUUID();
      const name = cleanFileName(file.name);
      const early = checks[i];
      if (early) return setUploads((rows) => [...rows, { key, name, percent: 0, error: te(early, { name, limit }) }]);
      setUploads((rows) => [...rows, { key, name, percent: 0 }]);
      void quota.track(
        file.size,
        uploadFile(file, {
          purpose: "inline",
          clientKey: key,
          onProgress: (loaded, total) => updateRow(key, { percent: total ? Math.min(100, Math.round((loaded / total) * 100)) : 0 }),
        }),
      ).then((res) => {
        if (!res.ok) return updateRow(key, { error: te(res.error, { name, limit }) });
        updateRow(key, { media: res.data.media, percent: 100 });
        const alt = altFromFileName(file.name);
        // Inserted where the caret is now: the author may have kept typing while it uploaded.
        apply((x, _s, e) => insertBlock(x, e, `![${alt}](${mediaUrl(res.data.media.id, "display")})`));
      });
    });
  };

  const settled = useCallback((key: string, media: MediaView) => {
    // The preview's <img> asked before the image existed: render it again now.
    setPreviewKey((k) => k + 1);
    if (media.status === "READY") setUploads((rows) => rows.filter((r) => r.key !== key));
  }, []);
  const dismiss = useCallback((key: string) => setUploads((rows) => rows.filter((r) => r.key !== key)), []);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (pending) return;
    startTransition(async () => {
      const res = editing
        ? await updateBlogAction({ postId: initial.postId, title, source, ...toChoice(audience) })
        : await publishBlogAction({ draftId: await autosave.stop(), title, source, ...toChoice(audience), clientKey: clientKey.current });
      if (res.ok) {
        // The reading page is dynamic: it is fetched fresh, no refresh needed (a refresh here could re-render this page's deleted draft).
        router.push(res.data.href);
        return;
      }
      autosave.resume();
      const f = res.fieldErrors ?? {};
      const aud = audienceFieldError(f);
      setErrors({ title: f.title && te(f.title), source: f.source && te(f.source), audience: aud && te(aud), form: f.title || f.source || aud ? undefined : te(res.error) });
      if (f.source) setTab("write");
    });
  };

  const sourceLength = charLength(source);
  const status = autosave.status === "saving" ? t("saving") : autosave.status === "saved" ? t("saved") : autosave.status === "error" ? (autosave.error ? te(autosave.error) : t("saveFailed")) : "";
  const tabBtn = (which: "write" | "preview") =>
    `flex-1 rounded-md px-3 py-1.5 text-sm ${tab === which ? "bg-white font-medium text-stone-900 shadow-sm" : "text-stone-600"}`;

  return (
    <form onSubmit={submit} noValidate className="space-y-4 lg:mx-[calc(50%_-_min(36rem,_50vw_-_1rem))]">
      <h1 className="text-xl font-semibold">{editing ? t("editTitle") : t("newTitle")}</h1>
      <Field
        label={t("title")}
        name="title"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        placeholder={t("titlePlaceholder")}
        maxLength={BLOG_TITLE_MAX}
        autoComplete="off"
        error={errors.title}
      />

      <div className="flex gap-1 rounded-lg bg-stone-100 p-1 md:hidden">
        <button type="button" aria-pressed={tab === "write"} onClick={() => setTab("write")} className={tabBtn("write")}>
          {t("writeTab")}
        </button>
        <button type="button" aria-pressed={tab === "preview"} onClick={() => setTab("preview")} className={tabBtn("preview")}>
          {t("previewTab")}
        </button>
      </div>

      <div className="grid gap-4 md:grid-cols-2">
        <div className={`flex flex-col rounded-lg border border-stone-300 bg-white ${tab === "write" ? "" : "hidden md:flex"}`}>
          <Toolbar onAction={act} onPickImages={pickImages} imageBusy={uploads.some((u) => !u.media && !u.error)} imageHint={t("imageHint", { limit })} />
          <label htmlFor="blog-source" className="sr-only">
            {t("body")}
          </label>
          <MentionTextarea
            wrapperClassName="flex flex-1 flex-col"
            id="blog-source"
            ref={textarea}
            value={source}
            onChange={(e) => setSource(e.target.value)}
            onKeyDown={onKeyDown}
            placeholder={t("bodyPlaceholder")}
            aria-invalid={errors.source ? true : undefined}
            aria-describedby="blog-source-error blog-source-count"
            spellCheck
            className="min-h-[20rem] w-full flex-1 resize-y rounded-b-lg p-3 text-[15px] leading-relaxed outline-none md:min-h-[32rem]"
          />
          {quota.usage && (
            <div className="border-t border-stone-100 px-3 py-1.5">
              <StorageUsage {...quota.usage} />
            </div>
          )}
          <ImageUploads rows={uploads} onSettled={settled} onDismiss={dismiss} />
        </div>

        <section aria-label={t("preview")} className={`min-w-0 rounded-lg border border-stone-200 bg-white p-4 sm:p-6 ${tab === "preview" ? "" : "hidden md:block"}`}>
          <h2 className="mb-3 text-xs font-medium tracking-wide text-stone-500 uppercase" aria-hidden>
            {t("preview")}
          </h2>
          {preview.empty ? (
            <p className="text-sm text-stone-500">{t("previewEmpty")}</p>
          ) : (
            // Server-rendered and sanitised by the same allowlist as a published blog.
            <div key={previewKey} className="blog-prose" data-testid="blog-preview" dangerouslySetInnerHTML={{ __html: preview.html }} />
          )}
          {preview.error && (
            <p className="mt-2 text-sm text-red-700" role="status">
              {te(preview.error)}
            </p>
          )}
        </section>
      </div>

      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
        {errors.source && (
          <p id="blog-source-error" className="text-sm text-red-700">
            {errors.source}
          </p>
        )}
        <span id="blog-source-count" className={`ml-auto ${sourceLength > BLOG_SOURCE_MAX ? "font-semibold text-red-700" : "text-stone-500"}`}>
          {sourceLength.toLocaleString(locale)} / {BLOG_SOURCE_MAX.toLocaleString(locale)}
        </span>
      </div>

      <div className="flex flex-wrap items-center gap-3 border-t border-stone-200 pt-4">
        <AudiencePicker id="blog-audience" label={t("audience")} value={audience} onChange={setAudience} disabled={pending} error={errors.audience} />
        <p role="status" aria-live="polite" className="text-sm text-stone-500" data-testid="draft-status">
          {status}
        </p>
        <div className="ml-auto flex items-center gap-2">
          {cancelHref && (
            <Link href={cancelHref} className="rounded-md px-3 py-1.5 text-sm text-stone-600 hover:bg-stone-100">
              {t("cancel")}
            </Link>
          )}
          <Button type="submit" pending={pending}>
            {editing ? t("saveChanges") : t("publish")}
          </Button>
        </div>
      </div>
      {errors.form && (
        <p role="alert" className="text-sm text-red-700">
          {errors.form}
        </p>
      )}
    </form>
  );
}
