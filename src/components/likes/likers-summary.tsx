"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { AuthorView } from "@/server/presenters/post";

/** How many likers a card names before "and N others". */
const NAMED = 3;

/**
 * "You, A and 12 others liked this" as a button that opens the full list.
 * `others` are the likers the server named other than the viewer; the
 * viewer is named first while they like it (also right after an optimistic
 * like, before the server has answered).
 */
export function LikersSummary({ liked, count, others, onOpen }: { liked: boolean; count: number; others: AuthorView[]; onOpen: () => void }) {
  const t = useTranslations("likes");
  const format = useFormatter();
  const names = [...(liked ? [t("you")] : []), ...others.map((u) => u.displayName)].slice(0, Math.min(NAMED, count));
  const rest = count - names.length;
  const text =
    names.length === 0
      ? t("showLikers")
      : rest > 0
        ? t("summaryOthers", { names: names.join(t("separator")), others: rest, total: count })
        : t("summary", { names: format.list(names, { type: "conjunction" }) });
  return (
    <button
      type="button"
      onClick={onOpen}
      aria-haspopup="dialog"
      className="min-w-0 rounded text-left text-xs break-words text-stone-600 hover:text-stone-900 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
      data-testid="likers-summary"
    >
      {text}
    </button>
  );
}
