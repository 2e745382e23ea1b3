"use client";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { deleteCommentAction } from "@/actions/comment-actions";
import { likeCommentAction, unlikeCommentAction } from "@/actions/like-actions";
import type { CommentView } from "@/server/comments/comment-view";
import { LikeButton } from "@/components/likes/like-button";
import { Avatar } from "@/components/ui/avatar";
import { RelativeTime } from "@/components/ui/relative-time";
import { RichText } from "@/components/ui/rich-text";

type Props = {
  comment: CommentView;
  /** Signed-out viewers get no Reply and a sign-in link on Like. */
  signedIn: boolean;
  signInHref: string;
  onReply: (comment: CommentView) => void;
  onDeleted: (comment: CommentView, commentCount: number) => void;
  onLiked: (id: string, liked: boolean, likeCount: number) => void;
};

const nameLink = (handle: string, name: React.ReactNode) => (
  <Link href={`/u/${handle}`} className="font-semibold text-stone-900 hover:underline">
    {name}
  </Link>
);

/**
 * One comment or reply: who (and, for a reply, whom they answered: "B
 * replied to A"), the text, when, and what the viewer may do: reply, like,
 * and delete when they wrote it or own the item (`mine`, decided on the
 * server).
 */
export function CommentItem({ comment, signedIn, signInHref, onReply, onDeleted, onLiked }: Props) {
  const t = useTranslations("comments");
  const te = useTranslations("errors");
  const [error, setError] = useState<string | null>(null);
  const [deleting, startDelete] = useTransition();
  const [liking, startLike] = useTransition();
  const name = comment.author.displayName;

  const remove = () => {
    const thread = !comment.parentId && (comment.replyCount ?? 0) > 0;
    if (!window.confirm(t(thread ? "confirmDeleteThread" : "confirmDelete"))) return;
    startDelete(async () => {
      const res = await deleteCommentAction({ commentId: comment.id });
      if (res.ok) onDeleted(comment, res.data.commentCount);
      else setError(te(res.error));
    });
  };

  const toggleLike = () => {
    const next = !comment.likedByMe;
    const before = { liked: comment.likedByMe, count: comment.likeCount };
    onLiked(comment.id, next, Math.max(0, comment.likeCount + (next ? 1 : -1)));
    startLike(async () => {
      const res = await (next ? likeCommentAction : unlikeCommentAction)({ commentId: comment.id });
      if (res.ok) onLiked(comment.id, res.data.liked, res.data.likeCount);
      else {
        onLiked(comment.id, before.liked, before.count);
        setError(te(res.error));
      }
    });
  };

  return (
    <div id={`comment-${comment.id}`} className="flex scroll-mt-20 gap-2.5 rounded py-2 target:bg-amber-50" data-testid="comment" data-comment-id={comment.id}>
      <Link href={`/u/${comment.author.handle}`} tabIndex={-1} className="shrink-0">
        <Avatar user={comment.author} size="sm" />
      </Link>
      <div className="min-w-0 flex-1">
        <div className="text-sm break-words text-stone-800">
          <span className="mr-1.5">
            {comment.replyTo
              ? t.rich("repliedTo", {
                  authorName: name,
                  targetName: comment.replyTo.displayName,
                  author: (chunks) => nameLink(comment.author.handle, chunks),
                  target: (chunks) => nameLink(comment.replyTo!.handle, chunks),
                })
              : nameLink(comment.author.handle, name)}
          </span>
          <div className="mt-0.5 text-[15px] leading-relaxed sm:text-sm">
            <RichText segments={comment.segments} />
          </div>
        </div>
        <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-stone-500">
          <RelativeTime iso={comment.createdAt} />
          <LikeButton
            size="sm"
            liked={comment.likedByMe}
            count={comment.likeCount}
            pending={liking}
            label={t("like")}
            onToggle={toggleLike}
            signInHref={signedIn ? undefined : signInHref}
          />
          {signedIn && (
            <button
              type="button"
              onClick={() => onReply(comment)}
              aria-label={t("replyTo", { name })}
              className="min-h-7 rounded px-1 font-medium text-stone-600 hover:bg-stone-100 hover:text-stone-900 focus-visible:outline-2 focus-visible:outline-brand-600"
            >
              {t("reply")}
            </button>
          )}
          {comment.mine && (
            <button
              type="button"
              onClick={remove}
              disabled={deleting}
              aria-busy={deleting || undefined}
              aria-label={t("deleteLabel", { name })}
              className="min-h-7 rounded px-1 font-medium text-stone-600 hover:bg-red-50 hover:text-red-700 focus-visible:outline-2 focus-visible:outline-brand-600 disabled:cursor-wait disabled:opacity-60"
            >
              {t("delete")}
            </button>
          )}
        </div>
        {error && (
          <p className="mt-1 text-sm text-red-700" role="status">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
