import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { getViewer } from "@/server/auth/viewer";
import { countIncomingRequests } from "@/server/social/list-friends";
import { unreadCount } from "@/server/notifications/unread-count";
import { SiteHeader } from "@/components/layout/site-header";
import { TimeZoneSync } from "@/components/layout/time-zone-sync";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("site");
  return { title: { default: t("title"), template: `%s · ${t("name")}` }, description: t("description") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#d97706" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, viewer] = await Promise.all([getLocale(), getViewer()]);
  const [pendingRequests, unreadNotifications] = viewer ? await Promise.all([countIncomingRequests(viewer), unreadCount(viewer)]) : [0, 0];
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased">
        <NextIntlClientProvider>
          <SiteHeader viewer={viewer} pendingRequests={pendingRequests} unreadNotifications={unreadNotifications} />
          <TimeZoneSync />
          <main className="mx-auto max-w-3xl px-4 py-6">{children}</main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
