"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { itemHref } from "@/lib/item-href";
import type { CommentView } from "@/server/comments/comment-view";
import type { PostView } from "@/server/presenters/post";
import { CommentForm } from "./comment-form";
import { CommentItem } from "./comment-item";
import { useComments } from "./use-comments";

const linkButton = "min-h-8 rounded px-1 text-sm font-medium text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600 disabled:cursor-wait disabled:opacity-60";

/**
 * An item's comments (QZone style: threads one level deep, newest last).
 * On a card: the latest threads from the server and "View all N comments";
 * on the item's own page, or once expanded, all of them, with "Show earlier
 * comments". Signed-out viewers read them and get a link to sign in.
 */
export function CommentSection({ post }: { post: PostView }) {
  const t = useTranslations("comments");
  const pathname = usePathname();
  const c = useComments(post);
  /** The comment whose inline reply box is open (one at a time). */
  const [replying, setReplying] = useState<CommentView | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const signInHref = `/signin?callbackUrl=${encodeURIComponent(pathname)}`;

  // On the item's own page every comment shows, not just the card's preview.
  const ownPage = pathname === itemHref(post);
  const autoExpanded = useRef(false);
  const { hasMore, expand } = c;
  useEffect(() => {
    if (!ownPage || !hasMore || autoExpanded.current) return;
    autoExpanded.current = true;
    void expand();
  }, [ownPage, hasMore, expand]);

  const deleted = (comment: CommentView, count: number) => {
    c.removed(comment, count);
    if (replying && (replying.id === comment.id || replying.parentId === comment.id || replying.id === comment.parentId)) setReplying(null);
  };
  const item = (comment: CommentView) => (
    <CommentItem comment={comment} signedIn={post.signedIn} signInHref={signInHref} onReply={setReplying} onDeleted={deleted} onLiked={c.liked} />
  );

  return (
    <section aria-label={t("heading")} className="mt-1" data-testid="comments" data-count={c.count}>
      <div className="flex items-center">
        {post.signedIn ? (
          <button type="button" onClick={() => box.current?.focus()} className="inline-flex min-h-9 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-stone-600 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-brand-600" data-testid="comment-count">
            <Bubble />
            {t("count", { count: c.count })}
          </button>
        ) : (
          <span className="inline-flex min-h-9 items-center gap-1.5 px-2.5 text-sm text-stone-600" data-testid="comment-count">
            <Bubble />
            {t("count", { count: c.count })}
          </span>
        )}
      </div>

      {c.hasMore && (
        <button type="button" onClick={() => void c.expand()} disabled={c.loading} aria-busy={c.loading || undefined} className={linkButton}>
          {t("viewAll", { count: c.count })}
        </button>
      )}
      {c.hasEarlier && (
        <button type="button" onClick={() => void c.showEarlier()} disabled={c.loading} aria-busy={c.loading || undefined} className={linkButton}>
          {t("showEarlier")}
        </button>
      )}
      {c.loadFailed && (
        <p className="text-sm text-red-700" role="status">
          {t("loadFailed")}
        </p>
      )}

      {c.threads.length > 0 && (
        <ol className="divide-y divide-stone-100">
          {c.threads.map((thread) => {
            const replies = thread.replies ?? [];
            const earlier = c.expanded ? (thread.replyCount ?? 0) - replies.length : 0;
            const replyHere = replying && (replying.id === thread.id || replying.parentId === thread.id) ? replying : null;
            return (
              <li key={thread.id} data-testid="comment-thread">
                {item(thread)}
                {(replies.length > 0 || earlier > 0 || replyHere) && (
                  <div className="mb-2 ml-10 rounded-md bg-stone-50 px-3 py-1">
                    {earlier > 0 && (
                      <button type="button" onClick={() => void c.showEarlierReplies(thread)} disabled={c.loading} className={linkButton}>
                        {t("showEarlierReplies", { count: earlier })}
                      </button>
                    )}
                    {replies.length > 0 && (
                      <ol className="divide-y divide-stone-100">
                        {replies.map((r) => (
                          <li key={r.id}>{item(r)}</li>
                        ))}
                      </ol>
                    )}
                    {replyHere && (
                      <CommentForm
                        key={replyHere.id}
                        postId={post.id}
                        parentId={replyHere.id}
                        label={t("replyTo", { name: replyHere.author.displayName })}
                        placeholder={t("replyTo", { name: replyHere.author.displayName })}
                        submitLabel={t("sendReply")}
                        autoFocus
                        onCancel={() => setReplying(null)}
                        onAdded={(added, count) => {
                          c.added(added, count);
                          setReplying(null);
                        }}
                      />
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}

      {post.signedIn ? (
        <CommentForm postId={post.id} label={t("label")} placeholder={t("placeholder")} submitLabel={t("submit")} onAdded={c.added} textareaRef={box} />
      ) : (
        <p className="mt-2 text-sm">
          <Link href={signInHref} className="font-medium text-brand-700 hover:underline">
            {t("signIn")}
          </Link>
        </p>
      )}
    </section>
  );
}

function Bubble() {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth={2}>
      <path strokeLinejoin="round" d="M4 5.5h16v10H9l-4.5 3.5v-3.5H4z" />
    </svg>
  );
}
