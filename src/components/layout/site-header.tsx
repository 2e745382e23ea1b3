import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SignedInViewer } from "@/server/auth/viewer";
import { SignOutButton } from "@/components/account/sign-out-buttons";
import { Avatar } from "@/components/ui/avatar";
import { avatarUrl } from "@/lib/media-url";
import { LocaleSwitch } from "./locale-switch";
import { NotificationBell } from "@/components/notifications/notification-bell";

export async function SiteHeader({ viewer, pendingRequests, unreadNotifications = 0 }: { viewer: SignedInViewer | null; pendingRequests: number; unreadNotifications?: number }) {
  const t = await getTranslations("nav");
  return (
    <header className="sticky top-0 z-10 border-b border-stone-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-2">
        <Link href="/" className="text-lg font-bold text-brand-700">
          {t("brand")}
        </Link>
        <form action="/search" role="search" className="order-last w-full sm:order-none sm:w-auto sm:flex-1">
          <label htmlFor="site-search" className="sr-only">
            {t("searchLabel")}
          </label>
          <input id="site-search" name="q" type="search" placeholder={t("searchPlaceholder")} className="w-full rounded-full border border-stone-300 bg-stone-50 px-3 py-1.5 text-sm sm:max-w-xs" />
        </form>
        <nav aria-label={t("main")} className="ml-auto flex min-w-0 flex-wrap items-center justify-end gap-1 text-sm">
          {viewer ? (
            <>
              <Link href="/" className="rounded px-2 py-1 hover:bg-stone-100">
                {t("feed")}
              </Link>
              <Link href={`/u/${viewer.handle}`} className="flex items-center gap-1.5 rounded px-1 py-0.5 hover:bg-stone-100 sm:px-2">
                <Avatar user={{ ...viewer, avatarUrl: avatarUrl(viewer.avatarMediaId) }} size="sm" />
                {/* On a phone the avatar alone stands for "My space" (still its accessible name). */}
                <span className="sr-only sm:not-sr-only">{t("mySpace")}</span>
              </Link>
              <Link href="/friends" className="relative rounded px-2 py-1 hover:bg-stone-100">
                {t("friends")}
                {pendingRequests > 0 && (
                  <span data-testid="request-count" aria-label={t("pendingRequests", { count: pendingRequests })} className="ml-1 rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white">
                    {pendingRequests}
                  </span>
                )}
              </Link>
              <NotificationBell initialCount={unreadNotifications} />
              {viewer.isAdmin && (
                <Link href="/admin/reports" className="rounded px-2 py-1 hover:bg-stone-100">
                  {t("adminReports")}
                </Link>
              )}
              <Link href="/settings" className="rounded px-2 py-1 hover:bg-stone-100">
                {t("settings")}
              </Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/signin" className="rounded px-2 py-1 hover:bg-stone-100">
                {t("signIn")}
              </Link>
              <Link href="/signup" className="rounded bg-brand-600 px-2 py-1 text-white hover:bg-brand-700">
                {t("signUp")}
              </Link>
            </>
          )}
          <LocaleSwitch />
        </nav>
      </div>
    </header>
  );
}
