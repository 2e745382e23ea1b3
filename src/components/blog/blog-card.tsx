"use client";
import Link from "next/link";
import type { PostView } from "@/server/presenters/post";
import type { BlogAttachment } from "@/server/presenters/attachment-types";
import { MediaImage } from "@/components/media/media-image";
import { itemHref } from "@/lib/item-href";

/** A blog in a list or the feed: cover (its first image), title to the reading page, excerpt. */
export function BlogCard({ post, attachment }: { post: PostView; attachment: BlogAttachment }) {
  const href = itemHref(post);
  return (
    <div className="space-y-2" data-testid="blog-card">
      {attachment.cover && (
        <Link href={href} tabIndex={-1} aria-hidden className="block">
          <MediaImage media={attachment.cover} variant="display" alt="" className="aspect-[2/1] w-full rounded-md" />
        </Link>
      )}
      <h2 className="text-lg font-semibold leading-snug text-stone-900 break-words">
        <Link href={href} className="hover:text-brand-700 hover:underline">
          {post.title}
        </Link>
      </h2>
      {attachment.excerpt && <p className="line-clamp-3 text-[15px] leading-relaxed break-words text-stone-700">{attachment.excerpt}</p>}
    </div>
  );
}
