import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/server/auth/viewer";
import { getFeed } from "@/server/feed/get-feed";
import { listFeedGroups } from "@/server/feed/feed-filter";
import { orNotFound } from "@/server/http/or-not-found";
import { feedHref } from "@/lib/feed-filter";
import { homeFeedQuerySchema } from "@/lib/validation/feed";
import { FeedFilters } from "@/components/posts/feed-filters";
import { FeedView } from "@/components/posts/feed-view";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Signed in: the feed, optionally filtered (?kind=photos&group=3: a kind of
 * item, one of the viewer's friend groups). Signed out: what Kongjian is, and a way in.
 */
export default async function HomePage({ searchParams }: Props) {
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
  // A malformed filter, or a group that isn't the viewer's, is a missing page.
  const params = Object.fromEntries(Object.entries(await searchParams).filter(([k, v]) => (k === "kind" || k === "group") && typeof v === "string"));
  const query = homeFeedQuerySchema.safeParse(params);
  if (!query.success) notFound();
  const { kind, group } = query.data;
  const [feed, groups, tf] = await Promise.all([orNotFound(getFeed(viewer, { kind, group })), listFeedGroups(viewer), getTranslations("feedFilters")]);
  const groupName = groups.find((g) => g.id === group)?.name;
  const filtered = kind !== undefined || group !== undefined;
  return (
    <>
      <h1 className="sr-only">{t("feedTitle")}</h1>
      <FeedView
        // A new filter is a new list (its own first page and cursor).
        key={feedHref({ kind, group })}
        initial={feed}
        endpoint={`/api/feed${feedHref({ kind, group }).slice(1)}`}
        canPost
        showPosted={(kind === undefined || kind === "status") && group === undefined}
        filters={<FeedFilters kind={kind ?? null} group={group ?? null} groups={groups} />}
        empty={
          filtered ? (
            <div className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center" data-testid="feed-empty">
              <p className="font-medium">{tf("emptyTitle")}</p>
              <p className="mt-1 text-sm text-stone-600">
                {groupName !== undefined ? tf(kind ? "emptyGroupKind" : "emptyGroup", { group: groupName }) : tf(`emptyKind.${kind!}`)} {tf("emptyHint")}
              </p>
              <Link href="/" className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
                {tf("showAll")}
              </Link>
            </div>
          ) : (
            <div className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center" data-testid="feed-empty">
              <p className="font-medium">{t("emptyTitle")}</p>
              <p className="mt-1 text-sm text-stone-600">{t("emptyText")}</p>
              <Link href="/search" className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
                {t("findFriends")}
              </Link>
            </div>
          )
        }
      />
    </>
  );
}
