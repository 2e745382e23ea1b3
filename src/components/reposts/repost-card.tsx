"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { RepostAttachment } from "@/server/presenters/attachment-types";
import { RelativeTime } from "@/components/ui/relative-time";
import { itemHref } from "@/lib/item-href";

/**
 * A repost's embedded original: author, kind, title or excerpt, thumbnail.
 * The reposter's comment is the card's own body (PostCard). An original that
 * was deleted or that this viewer may no longer see arrives as null and shows
 * the same "deleted" box, so a hidden original looks exactly like a deleted one.
 */
export function RepostCard({ attachment }: { attachment: RepostAttachment }) {
  const t = useTranslations("reposts");
  const tk = useTranslations("items");
  const o = attachment.original;
  if (!o) {
    return (
      <p className="mt-2 rounded-md border border-dashed border-stone-300 bg-stone-50 px-3 py-4 text-center text-sm text-stone-500" data-testid="repost-original-deleted">
        {t("originalDeleted")}
      </p>
    );
  }
  const href = itemHref({ id: o.id, kind: o.kind, author: o.author, attachment: o.album ? { kind: "photos", album: o.album } : null });
  return (
    <section aria-label={t("originalLabel", { name: o.author.displayName })} className="mt-2 rounded-md border border-stone-200 bg-stone-50 p-3" data-testid="repost-original">
      <div className="flex gap-3">
        {o.thumb && (
          <Link href={href} tabIndex={-1} aria-hidden className="shrink-0">
            {/* eslint-disable-next-line @next/next/no-img-element -- privacy-checked media route, already a small thumbnail */}
            <img src={o.thumb} alt="" loading="lazy" className="h-16 w-16 rounded bg-stone-200 object-cover sm:h-20 sm:w-20" />
          </Link>
        )}
        <div className="min-w-0 flex-1">
          <p className="text-xs text-stone-500">
            <Link href={`/u/${o.author.handle}`} className="font-semibold text-stone-800 hover:underline">
              @{o.author.displayName}
            </Link>
            <span className="ml-1.5">· {tk(`kind.${o.kind}`)}</span>
            <span className="ml-1.5">
              · <RelativeTime iso={o.createdAt} />
            </span>
          </p>
          {o.title && <p className="mt-0.5 font-medium break-words text-stone-900">{o.title}</p>}
          {o.excerpt && <p className="mt-0.5 line-clamp-4 text-sm whitespace-pre-wrap break-words text-stone-700">{o.excerpt}</p>}
          <Link href={href} className="mt-1 inline-block text-xs font-medium text-brand-700 hover:underline">
            {t("openOriginal")}
          </Link>
        </div>
      </div>
    </section>
  );
}
