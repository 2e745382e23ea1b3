import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/server/auth/viewer";
import { getSpace } from "@/server/users/get-space";
import { ProfileForm } from "@/components/account/profile-form";
import { SignOutEverywhereButton } from "@/components/account/sign-out-buttons";
import { AvatarEditor } from "@/components/account/avatar-editor";
import { CoverEditor } from "@/components/account/cover-editor";
import { StorageUsage } from "@/components/media/storage-usage";
import { getStorageUsage } from "@/server/media/storage-usage";
import { remainingOf } from "@/lib/upload-check";
import { getFootprints } from "@/server/visitors/set-footprints";
import { FootprintsToggle } from "@/components/visitors/footprints-toggle";
import { BlockedUsersSection } from "@/components/blocks/blocked-users-section";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=/settings");
  const [space, t, tm, tmedia, usage, footprints, tvisitors] = await Promise.all([
    getSpace(viewer, viewer.handle),
    getTranslations("settings"),
    getTranslations("profileMedia"),
    getTranslations("media"),
    getStorageUsage(viewer),
    getFootprints(viewer),
    getTranslations("visitors"),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <section className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 className="mb-3 font-medium">{t("profile")}</h2>
        <ProfileForm initial={{ displayName: space.owner.displayName, bio: space.owner.bio }} />
      </section>
      <section aria-labelledby="avatar-h" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="avatar-h" className="font-medium">{tm("avatarTitle")}</h2>
        <p className="mb-3 mt-1 text-sm text-stone-600">{tm("avatarText")}</p>
        <AvatarEditor user={{ id: space.owner.id, displayName: space.owner.displayName, avatarMediaId: space.owner.avatarMediaId }} remainingBytes={remainingOf(usage)} />
      </section>
      <section aria-labelledby="cover-h" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="cover-h" className="font-medium">{tm("coverTitle")}</h2>
        <p className="mb-3 mt-1 text-sm text-stone-600">{tm("coverText")}</p>
        <CoverEditor coverMediaId={space.owner.coverMediaId} remainingBytes={remainingOf(usage)} />
      </section>
      <section aria-labelledby="storage-h" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="storage-h" className="mb-2 font-medium">{tmedia("storage")}</h2>
        <StorageUsage {...usage} />
      </section>
      <section id="footprints" aria-labelledby="footprints-h" className="scroll-mt-4 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="footprints-h" className="mb-3 font-medium">{tvisitors("footprintsTitle")}</h2>
        <FootprintsToggle initial={footprints.hide} />
      </section>
      <BlockedUsersSection viewer={viewer} />
      <section className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 className="font-medium">{t("sessions")}</h2>
        <p className="mb-3 mt-1 text-sm text-stone-600">{t("sessionsText")}</p>
        <SignOutEverywhereButton />
      </section>
    </div>
  );
}
