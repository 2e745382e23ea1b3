"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { PostView } from "@/server/presenters/post";
import { RepostDialog } from "./repost-dialog";

/**
 * 转发 with its count, on every card whose item may be reposted: a PUBLIC
 * item, or a repost whose original is still visible and PUBLIC (reposting a
 * repost reposts its original, so the button counts the original's reposts).
 * Signed-out viewers get a link to sign in. After a repost: the count goes up
 * and a short note links to the new repost.
 */
export function RepostButton({ post }: { post: PostView }) {
  const t = useTranslations("reposts");
  const pathname = usePathname();
  const target = post.repostTarget;
  const [count, setCount] = useState(target?.count ?? 0);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<PostView | null>(null);
  if (!target) return null;

  const look =
    "inline-flex min-h-9 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-stone-600 transition hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-brand-600";
  const content = (
    <>
      <RepostIcon />
      <span>{t("repost")}</span>
      {count > 0 && <span className="tabular-nums">{count}</span>}
    </>
  );
  return (
    <div className="flex flex-wrap items-center gap-x-2" data-testid="repost-bar">
      {post.signedIn ? (
        <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog" className={look} data-testid="repost-button">
          {content}
        </button>
      ) : (
        <Link href={`/signin?callbackUrl=${encodeURIComponent(pathname)}`} className={look} data-testid="repost-button">
          {content}
        </Link>
      )}
      {done && (
        <p role="status" className="text-xs text-stone-600">
          {t("done")}{" "}
          <Link href={`/u/${done.author.handle}/post/${done.id}`} className="font-medium text-brand-700 hover:underline">
            {t("viewRepost")}
          </Link>
        </p>
      )}
      {open && (
        <RepostDialog
          postId={target.id}
          onClose={() => setOpen(false)}
          onReposted={(r) => {
            setCount((c) => c + 1);
            setDone(r);
          }}
        />
      )}
    </div>
  );
}

function RepostIcon() {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
      <path d="M17 2l4 4-4 4" />
      <path d="M3 11v-1a4 4 0 0 1 4-4h14" />
      <path d="M7 22l-4-4 4-4" />
      <path d="M21 13v1a4 4 0 0 1-4 4H3" />
    </svg>
  );
}
