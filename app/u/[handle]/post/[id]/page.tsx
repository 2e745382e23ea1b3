import { notFound } from "next/navigation";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getSpaceViewer } from "@/server/preview/space-viewer";
import { orNotFound } from "@/server/http/or-not-found";
import { getPost } from "@/server/posts/get-post";
import { postRefSchema } from "@/lib/validation/post";
import { PostCard } from "@/components/posts/post-card";

type Props = { params: Promise<{ handle: string; id: string }> };

/** A post's own page. Missing and hidden posts get the same 404 page. */
export default async function PostPage({ params }: Props) {
  const { handle, id } = await params;
  const ref = postRefSchema.safeParse({ postId: id });
  if (!ref.success) notFound();
  const post = await orNotFound(getPost((await getSpaceViewer(handle)).viewer, { postId: ref.data.postId, handle }));
  const t = await getTranslations("post");
  return (
    <div className="space-y-3">
      <Link href={`/u/${post.author.handle}`} className="text-sm text-brand-700 hover:underline">
        ← {t("backToSpace", { name: post.author.displayName })}
      </Link>
      <PostCard post={post} />
    </div>
  );
}
