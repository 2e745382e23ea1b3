import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/server/auth/viewer";
import { listAudienceChoices } from "@/server/groups/list-audience-choices";
import { listGroups } from "@/server/groups/list-groups";
import { GroupsManager } from "@/components/groups/groups-manager";

export async function generateMetadata() {
  return { title: (await getTranslations("groups"))("title") };
}

/** The viewer's friend groups (好友分组): create, rename, delete, and choose who is in each. */
export default async function FriendGroupsPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=/friends/groups");
  const [groups, { friends }, t] = await Promise.all([listGroups(viewer), listAudienceChoices(viewer), getTranslations("groups")]);
  return (
    <div className="space-y-4">
      <Link href="/friends" className="text-sm text-brand-700 hover:underline">
        ← {t("backToFriends")}
      </Link>
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-stone-600">{t("intro")}</p>
      </div>
      <GroupsManager initialGroups={groups} friends={friends} />
    </div>
  );
}
