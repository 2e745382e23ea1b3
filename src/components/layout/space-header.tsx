import { getTranslations } from "next-intl/server";
import type { Space } from "@/server/users/get-space";
import { Avatar } from "@/components/ui/avatar";
import { RelationButtons } from "@/components/people/relation-buttons";
import { SpaceMoreMenu } from "@/components/blocks/space-more-menu";
import Link from "next/link";
import { avatarUrl, mediaUrl } from "@/lib/media-url";
import { SpaceTabs } from "./space-tabs";

/** The space's header: who, their counts, the relationship buttons, and the content tabs. */
export async function SpaceHeader({ space, signedIn, ownerTools }: { space: Space; signedIn: boolean; ownerTools?: React.ReactNode }) {
  const t = await getTranslations("space");
  const { owner, counts, relation } = space;
  return (
    <section className="mb-4 rounded-lg border border-stone-200 bg-white shadow-sm">
      {owner.coverMediaId ? (
        // eslint-disable-next-line @next/next/no-img-element -- privacy-checked media route
        <img src={mediaUrl(owner.coverMediaId, "display")} alt="" className="h-32 w-full rounded-t-lg object-cover sm:h-44" data-testid="space-cover" />
      ) : (
        <div className="h-24 rounded-t-lg bg-gradient-to-r from-amber-200 via-orange-200 to-rose-200" />
      )}
      <div className="-mt-10 px-4 pb-4">
        <Avatar user={{ ...owner, avatarUrl: avatarUrl(owner.avatarMediaId) }} size="lg" />
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
            // Own row on a phone, so the name keeps its width.
            <div className="flex w-full flex-wrap items-center gap-2 sm:w-auto">
              <RelationButtons userId={owner.id} state={space.buttons} />
              <SpaceMoreMenu userId={owner.id} name={owner.displayName} />
            </div>
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
      {ownerTools && <div className="border-t border-stone-100 px-4 py-2">{ownerTools}</div>}
      <SpaceTabs handle={owner.handle} />
    </section>
  );
}
