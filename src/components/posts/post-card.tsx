"use client";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { deletePostAction, setPostAudienceAction } from "@/actions/post-actions";
import type { Audience } from "@/lib/audiences";
import { audienceValue, chosenNamesOf, toChoice } from "@/lib/audience-choice";
import type { PostView } from "@/server/presenters/post";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { RichText } from "@/components/ui/rich-text";
import { ItemAttachment } from "@/components/items/item-attachment";
import { ItemInteractions } from "@/components/items/item-interactions";
import { itemHref } from "@/lib/item-href";
import { ItemReportMenu } from "@/components/reports/item-report-menu";
import { AudienceChanger } from "./audience-changer";

/**
 * One item of any kind: who and when, its text, and its kind's rich part
 * (blog excerpt, photo grid, player...). The author also gets the audience
 * switch and delete, and sees whether its media are still processing.
 */
export function PostCard({ post, onDeleted }: { post: PostView; onDeleted?: (id: string) => void }) {
  const t = useTranslations("post");
  const te = useTranslations("errors");
  const ta = useTranslations("audience");
  const tp = useTranslations("audiencePicker");
  const tk = useTranslations("items");
  const [audience, setAudience] = useState<Audience>(post.audience);
  // The author's own badge names whom a "chosen groups or friends" item was shown to.
  const [chosenNames, setChosenNames] = useState<string[]>(() => chosenNamesOf(post.chosen));
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [deleted, setDeleted] = useState(false);

  if (deleted) return null;

  const remove = () => {
    if (!window.confirm(t("confirmDelete"))) return;
    startTransition(async () => {
      const res = await deletePostAction({ postId: post.id });
      if (res.ok) {
        setDeleted(true);
        onDeleted?.(post.id);
      } else setError(te(res.error));
    });
  };

  const permalink = itemHref(post);
  // A photo batch's audience is its album's: it is changed on the album.
  const audienceEditable = post.mine && post.kind !== "photos";
  // Blog and diary cards show their own excerpt; other kinds show the body as text.
  const showBody = post.body && post.kind !== "blog";
  return (
    <article className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm" data-testid="post" data-post-id={post.id}>
      <header className="mb-2 flex items-center gap-3">
        <Link href={`/u/${post.author.handle}`} tabIndex={-1}>
          <Avatar user={post.author} />
        </Link>
        <div className="min-w-0 flex-1">
          <Link href={`/u/${post.author.handle}`} className="font-semibold text-stone-900 hover:underline">
            {post.author.displayName}
          </Link>
          <div className="text-xs text-stone-500">
            <Link href={permalink} className="hover:underline">
              <RelativeTime iso={post.createdAt} />
            </Link>
            {post.editedAt && <span className="ml-2">· {tk("edited")}</span>}
            {!post.mine && audience !== "PUBLIC" && <span className="ml-2">· {ta(audience)}</span>}
            {post.mine && audience === "CUSTOM" && (
              <span className="ml-2" data-testid="audience-badge">
                · {chosenNames.length ? chosenNames.join(tp("separator")) : ta("CUSTOM")}
              </span>
            )}
            {post.kind !== "status" && <span className="ml-2">· {tk(`kind.${post.kind}`)}</span>}
          </div>
        </div>
        <ItemReportMenu post={post} />
      </header>
      {post.state !== "READY" && (
        <p className={`mb-2 rounded px-2 py-1 text-xs ${post.state === "FAILED" ? "bg-red-50 text-red-800" : "bg-amber-50 text-amber-900"}`} role="status" data-testid="item-state">
          {post.state === "FAILED" ? tk("failed") : tk("processing")}
        </p>
      )}
      {post.title && post.kind !== "blog" && post.kind !== "diary" && <h2 className="mb-1 font-semibold text-stone-900">{post.title}</h2>}
      {showBody && (
        <div className="text-[15px] leading-relaxed whitespace-pre-wrap break-words text-stone-800">
          <RichText segments={post.segments} />
        </div>
      )}
      <ItemAttachment post={post} />
      <ItemInteractions post={post} />
      {post.mine && (
        <footer className="mt-3 flex flex-wrap items-center gap-2 border-t border-stone-100 pt-2">
          {audienceEditable && (
            <AudienceChanger
              id={`audience-${post.id}`}
              label={t("audienceLabel")}
              initial={audienceValue(post.audience, post.chosen)}
              save={(v) => setPostAudienceAction({ postId: post.id, ...toChoice(v) })}
              onSaved={(v, names) => {
                setAudience(v.audience);
                setChosenNames(names);
              }}
            />
          )}
          <Button variant="ghost" onClick={remove} pending={pending} className="ml-auto">
            {t("delete")}
          </Button>
        </footer>
      )}
      {error && (
        <p className="mt-2 text-sm text-red-700" role="status">
          {error}
        </p>
      )}
    </article>
  );
}
