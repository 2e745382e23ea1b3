import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/server/auth/viewer";
import { orNotFound } from "@/server/http/or-not-found";
import { requireAdmin } from "@/server/privacy/admin";
import { listOpenReports } from "@/server/reports/list-reports";
import { reportListSchema } from "@/lib/validation/reports";
import { EmptyState } from "@/components/ui/empty-state";
import { ReportRow } from "@/components/reports/report-row";

type Props = { searchParams: Promise<{ before?: string }> };

// Only admins get a title: everyone else gets the 404 page of a missing one, title included.
export async function generateMetadata() {
  try {
    await requireAdmin(await getViewer());
  } catch {
    return {};
  }
  return { title: (await getTranslations("admin"))("title") };
}

/** /admin/reports: open reports, newest first, with Dismiss and Remove item. Admins only (others: 404). */
export default async function AdminReportsPage({ searchParams }: Props) {
  const query = reportListSchema.safeParse({ before: (await searchParams).before });
  if (!query.success) notFound();
  const page = await orNotFound(listOpenReports(await getViewer(), query.data));
  const t = await getTranslations("admin");
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-stone-600">{t("intro")}</p>
      </div>
      {page.items.length === 0 ? (
        <EmptyState testId="reports-empty">{t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="reports">
          {page.items.map((r) => (
            <ReportRow key={r.id} report={r} />
          ))}
        </ul>
      )}
      <nav className="flex justify-between text-sm">
        {query.data.before ? (
          <Link href="/admin/reports" className="text-brand-700 hover:underline">
            {t("newest")}
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor && (
          <Link href={`/admin/reports?before=${page.nextCursor}`} className="text-brand-700 hover:underline">
            {t("older")} →
          </Link>
        )}
      </nav>
    </div>
  );
}
