import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/server/auth/viewer";
import { getFeed } from "@/server/feed/get-feed";
import { FeedView } from "@/components/posts/feed-view";

/** Signed in: the feed. Signed out: what Kongjian is, and a way in. */
export default async function HomePage() {
  const viewer = await getViewer();
  const t = await getTranslations("home");
  if (!viewer) {
    return (
      <section className="py-12 text-center">
        <h1 className="text-3xl font-bold text-stone-900">{t("heroTitle")}</h1>
        <p className="mx-auto mt-3 max-w-md text-stone-600">{t("heroText")}</p>
        <div className="mt-6 flex justify-center gap-3">
          <Link href="/signup" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
            {t("cta")}
          </Link>
          <Link href="/signin" className="rounded-md border border-stone-300 bg-white px-4 py-2 font-medium hover:bg-stone-50">
            {t("signIn")}
          </Link>
        </div>
      </section>
    );
  }
  const feed = await getFeed(viewer, {});
  return (
    <>
      <h1 className="sr-only">{t("feedTitle")}</h1>
      <FeedView
        initial={feed}
        endpoint="/api/feed"
        canPost
        empty={
          <div className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center" data-testid="feed-empty">
            <p className="font-medium">{t("emptyTitle")}</p>
            <p className="mt-1 text-sm text-stone-600">{t("emptyText")}</p>
            <Link href="/search" className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
              {t("findFriends")}
            </Link>
          </div>
        }
      />
    </>
  );
}
