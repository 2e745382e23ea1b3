import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/server/auth/viewer";
import { listFriendsPage } from "@/server/social/list-friends";
import { PersonRow } from "@/components/people/person-row";
import { RequestButtons } from "@/components/people/request-buttons";
import Link from "next/link";

export async function generateMetadata() {
  return { title: (await getTranslations("friends"))("title") };
}

export default async function FriendsPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=/friends");
  const [{ incoming, outgoing, friends }, t, tg] = await Promise.all([listFriendsPage(viewer), getTranslations("friends"), getTranslations("groups")]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <Link href="/friends/groups" className="ml-auto rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-50">
          {tg("manage")}
        </Link>
      </div>
      <section aria-labelledby="incoming-h" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="incoming-h" className="font-medium">
          {t("incoming")} ({incoming.length})
        </h2>
        {incoming.length === 0 ? (
          <p className="mt-2 text-sm text-stone-500">{t("noIncoming")}</p>
        ) : (
          <ul className="divide-y divide-stone-100">
            {incoming.map((p) => (
              <PersonRow key={p.id} person={p}>
                <RequestButtons userId={p.id} direction="incoming" name={p.displayName} />
              </PersonRow>
            ))}
          </ul>
        )}
      </section>
      {outgoing.length > 0 && (
        <section aria-labelledby="outgoing-h" className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="outgoing-h" className="font-medium">
            {t("outgoing")} ({outgoing.length})
          </h2>
          <ul className="divide-y divide-stone-100">
            {outgoing.map((p) => (
              <PersonRow key={p.id} person={p}>
                <RequestButtons userId={p.id} direction="outgoing" name={p.displayName} />
              </PersonRow>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="friends-h" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="friends-h" className="font-medium">
          {t("myFriends")} ({friends.length})
        </h2>
        {friends.length === 0 ? (
          <p className="mt-2 text-sm text-stone-500">
            {t("noFriends")}{" "}
            <Link href="/search" className="text-brand-700 underline">
              {t("findPeople")}
            </Link>
          </p>
        ) : (
          <ul className="divide-y divide-stone-100">
            {friends.map((p) => (
              <PersonRow key={p.id} person={p} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
