"use client";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { likePostAction, unlikePostAction } from "@/actions/like-actions";
import type { PostView } from "@/server/presenters/post";
import { LikeButton } from "./like-button";
import { LikersDialog } from "./likers-dialog";
import { LikersSummary } from "./likers-summary";

/**
 * An item's 赞: the toggle (optimistic, rolled back if the server refuses),
 * the count, and "A, B and N others liked this" opening the full list.
 * Signed-out viewers see the count, and the button is a link to sign in.
 */
export function LikeBar({ post }: { post: PostView }) {
  const t = useTranslations("likes");
  const te = useTranslations("errors");
  const router = useRouter();
  const pathname = usePathname();
  // The server names the viewer first among the likers when they like it; the rest are "others".
  const [others] = useState(() => (post.likedByMe ? post.likers.slice(1) : post.likers));
  const [state, setState] = useState({ liked: post.likedByMe, count: post.likeCount });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  const signInHref = `/signin?callbackUrl=${encodeURIComponent(pathname)}`;

  const toggle = async () => {
    const before = state;
    const liking = !before.liked;
    setState({ liked: liking, count: Math.max(0, before.count + (liking ? 1 : -1)) });
    setError(null);
    setPending(true);
    try {
      const res = await (liking ? likePostAction : unlikePostAction)({ postId: post.id });
      if (res.ok) setState({ liked: res.data.liked, count: res.data.likeCount });
      else {
        setState(before);
        // The session ended since the page was rendered.
        if (res.code === "unauthenticated") router.push(signInHref);
        else setError(te(res.error));
      }
    } catch {
      setState(before); // network failure
      setError(t("toggleFailed"));
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1" data-testid="like-bar">
      <LikeButton
        liked={state.liked}
        count={state.count}
        onToggle={toggle}
        pending={pending}
        label={t("like")}
        signInHref={post.signedIn ? undefined : signInHref}
      />
      {state.count > 0 && <LikersSummary liked={state.liked} count={state.count} others={others} onOpen={() => setOpen(true)} />}
      {error && (
        <p className="w-full text-xs text-red-700" role="alert">
          {error}
        </p>
      )}
      {open && <LikersDialog postId={post.id} space={post.previewSpace} count={state.count} onClose={() => setOpen(false)} />}
    </div>
  );
}
