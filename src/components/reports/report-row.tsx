import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReportView } from "@/server/reports/list-reports";
import { Avatar } from "@/components/ui/avatar";
import { RelativeTime } from "@/components/ui/relative-time";
import { ReportActions } from "./report-actions";

/** One open report on the review page: who reported what, why, and the actions. */
export async function ReportRow({ report }: { report: ReportView }) {
  const [t, tr, ta, tk] = await Promise.all([getTranslations("admin"), getTranslations("reports"), getTranslations("audience"), getTranslations("items")]);
  const { target } = report;
  const item = target.type === "item" ? target.item : null;
  return (
    <li className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm" data-testid="report" data-report-id={report.id}>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
        <dt className="text-stone-500">{t("reportedBy")}</dt>
        <dd className="flex min-w-0 items-center gap-2">
          <Link href={`/u/${report.reporter.handle}`} className="truncate font-medium hover:underline">
            {report.reporter.displayName}
          </Link>
          <span className="text-xs text-stone-500">
            <RelativeTime iso={report.createdAt} />
          </span>
        </dd>
        <dt className="text-stone-500">{t("reason")}</dt>
        <dd data-testid="report-reason">{tr(`reason.${report.reason}`)}</dd>
        <dt className="text-stone-500">{t("note")}</dt>
        <dd className="whitespace-pre-wrap break-words">{report.note || <span className="text-stone-500">{t("noNote")}</span>}</dd>
      </dl>
      <div className="mt-3 rounded-md border border-stone-100 bg-stone-50 p-3">
        <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-stone-500">{target.type === "item" ? t("targetItem") : t("targetUser")}</h3>
        {target.type === "user" ? (
          <div className="flex items-center gap-2">
            <Avatar user={target.user} size="sm" />
            <span className="font-medium">{target.user.displayName}</span>
            <span className="text-sm text-stone-500">@{target.user.handle}</span>
            <Link href={`/u/${target.user.handle}`} className="ml-auto text-sm text-brand-700 hover:underline">
              {t("openSpace")}
            </Link>
          </div>
        ) : item ? (
          <div data-testid="reported-item">
            <p className="text-xs text-stone-500">
              {t("by", { name: item.author.displayName })} · <RelativeTime iso={item.createdAt} /> · {ta(item.audience)}
              {item.kind !== "status" && <> · {tk(`kind.${item.kind}`)}</>}
            </p>
            {item.title && <p className="mt-1 font-medium">{item.title}</p>}
            {item.excerpt && <p className="mt-1 line-clamp-6 whitespace-pre-wrap break-words text-sm text-stone-800">{item.excerpt}</p>}
            <Link href={item.href} className="mt-1 inline-block text-sm text-brand-700 hover:underline">
              {t("openItem")}
            </Link>
          </div>
        ) : (
          <p className="text-sm text-stone-600">{t("itemGone")}</p>
        )}
      </div>
      <ReportActions reportId={report.id} canRemove={item !== null} />
    </li>
  );
}
