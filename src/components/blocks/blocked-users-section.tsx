import { getTranslations } from "next-intl/server";
import type { SignedInViewer } from "@/server/auth/viewer";
import { listBlocked } from "@/server/blocks/list-blocked";
import { BlockedUsersList } from "./blocked-users-list";

/** Settings: the people the viewer blocked, each with Unblock (anchor #blocked, where blocking lands). */
export async function BlockedUsersSection({ viewer }: { viewer: SignedInViewer }) {
  const [t, blocked] = await Promise.all([getTranslations("blocks"), listBlocked(viewer)]);
  return (
    <section id="blocked" aria-labelledby="blocked-h" className="scroll-mt-4 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="blocked-h" className="font-medium">
        {t("blockedTitle")}
      </h2>
      <p className="mb-3 mt-1 text-sm text-stone-600">{t("blockedText")}</p>
      <BlockedUsersList initial={blocked} />
    </section>
  );
}
