import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/server/auth/viewer";
import { listNotifications } from "@/server/notifications/list-notifications";
import { NotificationList } from "@/components/notifications/notification-list";

export async function generateMetadata() {
  return { title: (await getTranslations("notifications"))("title") };
}

// Always fresh: it is the list the bell counts.
export const dynamic = "force-dynamic";

export default async function NotificationsPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=/notifications");
  const first = await listNotifications(viewer, {});
  return <NotificationList initial={first} />;
}
