import { getTranslations } from "next-intl/server";
import type { Space } from "@/server/users/get-space";
import { Avatar } from "@/components/ui/avatar";
import { RelationButtons } from "@/components/people/relation-buttons";
import Link from "next/link";

const TABS = ["status", "blog", "diary", "albums", "music", "video"] as const;

/** The space's header: who, their counts, the relationship buttons, and the content tabs. */
export async function SpaceHeader({ space, signedIn }: { space: Space; signedIn: boolean }) {
  const t = await getTranslations("space");
  const { owner, counts, relation } = space;
  return (
    <section className="mb-4 rounded-lg border border-stone-200 bg-white shadow-sm">
      <div className="h-24 rounded-t-lg bg-gradient-to-r from-amber-200 via-orange-200 to-rose-200" />
      <div className="-mt-10 px-4 pb-4">
        <Avatar user={owner} size="lg" />
        <div className="mt-2 flex flex-wrap items-start gap-3">
          <div className="min-w-0 flex-1">
            <h1 className="text-2xl font-bold break-words">{owner.displayName}</h1>
            <p className="text-sm text-stone-500">@{owner.handle}</p>
            {owner.bio && <p className="mt-2 whitespace-pre-wrap break-words text-stone-700">{owner.bio}</p>}
          </div>
          {relation === "owner" ? (
            <Link href="/settings" className="rounded-md border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-50">
              {t("editProfile")}
            </Link>
          ) : signedIn ? (
            <RelationButtons userId={owner.id} state={space.buttons} />
          ) : null}
        </div>
        <dl className="mt-3 flex gap-5 text-sm">
          {(["friends", "followers", "posts"] as const).map((k) => (
            <div key={k} className="flex gap-1">
              <dt className="text-stone-500">{t(k)}</dt>
              <dd className="font-semibold" data-testid={`count-${k}`}>
                {counts[k]}
              </dd>
            </div>
          ))}
        </dl>
      </div>
      <nav aria-label={t("tabs")} className="flex gap-1 overflow-x-auto border-t border-stone-100 px-2 text-sm">
        {TABS.map((tab) =>
          tab === "status" ? (
            <Link key={tab} href={`/u/${owner.handle}`} aria-current="page" className="border-b-2 border-brand-600 px-3 py-2 font-medium text-brand-700">
              {t(`tab.${tab}`)}
            </Link>
          ) : (
            <span key={tab} aria-disabled="true" title={t("comingSoon")} className="cursor-not-allowed px-3 py-2 text-stone-400">
              {t(`tab.${tab}`)}
            </span>
          ),
        )}
      </nav>
    </section>
  );
}
