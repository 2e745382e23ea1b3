import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getSpaceViewer } from "@/server/preview/space-viewer";
import { getBlog } from "@/server/blog/get-blog";
import { orNotFound } from "@/server/http/or-not-found";
import { postRefSchema } from "@/lib/validation/post";
import { BlogOwnerActions } from "@/components/blog/blog-owner-actions";
import { Avatar } from "@/components/ui/avatar";
import { ItemInteractions } from "@/components/items/item-interactions";
import { ItemReportMenu } from "@/components/reports/item-report-menu";
import "@/components/blog/blog-prose.css";

type Props = { params: Promise<{ handle: string; id: string }> };

// Metadata and page read the same blog once per request.
const load = cache(async (handle: string, id: string) => {
  const ref = postRefSchema.safeParse({ postId: id });
  if (!ref.success) notFound();
  return orNotFound(getBlog((await getSpaceViewer(handle)).viewer, { postId: ref.data.postId, handle }));
});

export async function generateMetadata({ params }: Props) {
  const { handle, id } = await params;
  const { post } = await load(handle, id);
  return { title: post.title ?? "" };
}

/** A blog's reading page. Missing and hidden blogs get the same 404 page. */
export default async function BlogPage({ params }: Props) {
  const { handle, id } = await params;
  const { post, html } = await load(handle, id);
  const [t, tk, ta, format] = await Promise.all([getTranslations("blog"), getTranslations("items"), getTranslations("audience"), getFormatter()]);
  const created = new Date(post.createdAt);
  return (
    <div className="space-y-3">
      <Link href={`/u/${post.author.handle}/blog`} className="text-sm text-brand-700 hover:underline">
        ← {t("backToBlog", { name: post.author.displayName })}
      </Link>
      <article className="rounded-lg border border-stone-200 bg-white px-5 py-6 shadow-sm sm:px-10 sm:py-10" data-testid="blog-article">
        <header className="mb-8 border-b border-stone-100 pb-6">
          {/* React renders the title as text: markup typed into it stays text. */}
          <h1 className="text-2xl leading-tight font-bold tracking-tight break-words text-stone-900 sm:text-3xl">{post.title}</h1>
          <div className="mt-4 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-stone-500">
            <Link href={`/u/${post.author.handle}`} className="flex items-center gap-2 font-medium text-stone-800 hover:underline">
              <Avatar user={post.author} />
              {post.author.displayName}
            </Link>
            <span aria-hidden>·</span>
            <time dateTime={post.createdAt}>{format.dateTime(created, { dateStyle: "long" })}</time>
            {post.editedAt && (
              <>
                <span aria-hidden>·</span>
                <time dateTime={post.editedAt} title={format.dateTime(new Date(post.editedAt), { dateStyle: "medium", timeStyle: "short" })}>
                  {tk("edited")}
                </time>
              </>
            )}
            <span aria-hidden>·</span>
            <span>{t("audienceShown", { audience: ta(post.audience) })}</span>
            <span className="ml-auto">
              <ItemReportMenu post={post} />
            </span>
          </div>
        </header>
        {/* Only HTML the server rendered and sanitised with its allowlist (src/server/blog/render-markdown.ts). */}
        <div className="blog-prose" dangerouslySetInnerHTML={{ __html: html }} />
        {post.mine && (
          <footer className="mt-10 border-t border-stone-100 pt-4">
            <BlogOwnerActions postId={post.id} handle={post.author.handle} />
          </footer>
        )}
        <ItemInteractions post={post} />
      </article>
    </div>
  );
}
