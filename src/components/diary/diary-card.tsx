"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { PostView } from "@/server/presenters/post";
import type { DiaryAttachment } from "@/server/presenters/attachment-types";
import { itemHref } from "@/lib/item-href";
import { DiaryBadges } from "./diary-badges";

/**
 * What a diary entry's card adds to PostCard (which already shows the body
 * with its links): the entry's date, mood and weather, and its title as the
 * link to the entry's page.
 */
export function DiaryCard({ post, attachment }: { post: PostView; attachment: DiaryAttachment }) {
  const t = useTranslations("diary");
  return (
    <div className="mt-3 space-y-2 border-t border-dashed border-stone-200 pt-2">
      <DiaryBadges date={attachment.date} mood={attachment.mood} weather={attachment.weather} />
      <Link href={itemHref(post)} className="inline-block text-sm font-medium text-brand-700 hover:underline">
        {post.title ?? t("card.open")} <span aria-hidden>→</span>
      </Link>
    </div>
  );
}
