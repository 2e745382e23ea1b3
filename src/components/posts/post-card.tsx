"use client";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { deletePostAction, setPostAudienceAction } from "@/actions/post-actions";
import type { Audience } from "@/lib/audiences";
import type { PostView } from "@/server/presenters/post";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { RichText } from "@/components/ui/rich-text";
import { AudienceSelect } from "./audience-select";

/** One status post. The author also gets the audience switch and delete. */
export function PostCard({ post, onDeleted }: { post: PostView; onDeleted?: (id: string) => void }) {
  const t = useTranslations("post");
  const te = useTranslations("errors");
  const ta = useTranslations("audience");
  const [audience, setAudience] = useState<Audience>(post.audience);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [deleted, setDeleted] = useState(false);

  if (deleted) return null;

  const changeAudience = (next: Audience) => {
    const previous = audience;
    setAudience(next);
    startTransition(async () => {
      const res = await setPostAudienceAction({ postId: post.id, audience: next });
      if (!res.ok) {
        setAudience(previous);
        setError(te(res.error));
      } else setError(null);
    });
  };

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

  const permalink = `/u/${post.author.handle}/post/${post.id}`;
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
            {!post.mine && audience !== "PUBLIC" && <span className="ml-2">· {ta(audience)}</span>}
          </div>
        </div>
      </header>
      <div className="text-[15px] leading-relaxed text-stone-800">
        <RichText segments={post.segments} />
      </div>
      {post.mine && (
        <footer className="mt-3 flex flex-wrap items-center gap-2 border-t border-stone-100 pt-2">
          <AudienceSelect id={`audience-${post.id}`} label={t("audienceLabel")} value={audience} onChange={changeAudience} disabled={pending} />
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
