import { getTranslations } from "next-intl/server";
import { getSpaceViewer } from "@/server/preview/space-viewer";
import { guestbookSummary, listMessages } from "@/server/guestbook/list-messages";
import { orNotFound } from "@/server/http/or-not-found";
import { getSpace } from "@/server/users/get-space";
import { GuestbookTab } from "@/components/guestbook/guestbook-tab";

type Props = { params: Promise<{ handle: string }> };

export async function generateMetadata({ params }: Props) {
  const { handle } = await params;
  const t = await getTranslations("guestbook");
  return { title: t("pageTitle", { name: `@${handle}` }) };
}

/** The space's Guestbook tab (留言板): the messages this viewer may see, and a place to leave one. */
export default async function GuestbookPage({ params }: Props) {
  const { handle } = await params;
  const { viewer } = await getSpaceViewer(handle);
  const space = await orNotFound(getSpace(viewer, handle));
  const where = { handle: space.owner.handle };
  const [initial, summary] = await Promise.all([listMessages(viewer, where), guestbookSummary(viewer, where)]);
  return <GuestbookTab handle={space.owner.handle} ownerName={space.owner.displayName} signedIn={(viewer?.id ?? 0) > 0} initial={initial} summary={summary} />;
}
