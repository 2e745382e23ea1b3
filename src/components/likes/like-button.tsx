"use client";
import Link from "next/link";

export type LikeButtonProps = {
  /** Whether the viewer likes it now (drives aria-pressed). */
  liked: boolean;
  count: number;
  onToggle?: () => void;
  /** A toggle is in flight: the button is disabled so it cannot double-toggle. */
  pending?: boolean;
  /** Visible, translated text ("Like" / "赞"); the count is read after it. */
  label: string;
  /** Signed-out viewers get a link to sign in instead of a toggle. */
  signInHref?: string;
  size?: "sm" | "md";
  className?: string;
};

/**
 * The 赞 toggle shared by items and comments. Stateless: the caller owns the
 * optimistic state and the server call.
 */
export function LikeButton({ liked, count, onToggle, pending = false, label, signInHref, size = "md", className = "" }: LikeButtonProps) {
  const look = `inline-flex items-center gap-1.5 rounded-md font-medium transition focus-visible:outline-2 focus-visible:outline-brand-600 ${
    size === "sm" ? "min-h-7 px-1.5 text-xs" : "min-h-9 px-2.5 text-sm"
  } ${liked ? "text-rose-600 hover:bg-rose-50" : "text-stone-600 hover:bg-stone-100"} ${className}`;
  const content = (
    <>
      <Heart filled={liked} small={size === "sm"} />
      <span>{label}</span>
      {count > 0 && <span className="tabular-nums">{count}</span>}
    </>
  );
  if (signInHref) {
    return (
      <Link href={signInHref} className={look} data-testid="like-button">
        {content}
      </Link>
    );
  }
  return (
    <button
      type="button"
      aria-pressed={liked}
      aria-busy={pending || undefined}
      disabled={pending}
      onClick={onToggle}
      className={`${look} disabled:cursor-wait disabled:opacity-70`}
      data-testid="like-button"
    >
      {content}
    </button>
  );
}

function Heart({ filled, small }: { filled: boolean; small: boolean }) {
  const dims = small ? "h-3.5 w-3.5" : "h-4 w-4";
  return (
    <svg aria-hidden viewBox="0 0 24 24" className={dims} fill={filled ? "currentColor" : "none"} stroke="currentColor" strokeWidth={2}>
      <path strokeLinejoin="round" d="M12 20.5s-7.5-4.6-7.5-10.2A4.3 4.3 0 0 1 12 7.6a4.3 4.3 0 0 1 7.5 2.7c0 5.6-7.5 10.2-7.5 10.2Z" />
    </svg>
  );
}
