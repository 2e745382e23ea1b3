import { Suspense } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Viewer } from "@/server/privacy";
import { listVisitors, type VisitorsList } from "@/server/visitors/list-visitors";
import { EmptyState } from "@/components/ui/empty-state";
import { VisitorsDisclosure } from "./visitors-disclosure";
import { VisitorList } from "./visitor-list";

/**
 * The owner's "Visitors" panel on their own space (render it only for the
 * owner; listVisitors refuses anyone else anyway). Streamed behind Suspense
 * so the space itself never waits for it.
 */
export async function VisitorsPanel({ viewer, ownerId }: { viewer: Viewer; ownerId: number }) {
  const t = await getTranslations("visitors");
  return (
    <Suspense fallback={<VisitorsDisclosure title={t("title")} summary={t("loading")} />}>
      <PanelContent viewer={viewer} ownerId={ownerId} />
    </Suspense>
  );
}

async function PanelContent({ viewer, ownerId }: { viewer: Viewer; ownerId: number }) {
  const t = await getTranslations("visitors");
  let list: VisitorsList;
  try {
    list = await listVisitors(viewer, { ownerId });
  } catch (err) {
    // The panel is an extra: a failure here must not take the space page down.
    console.error("[visitors] loading the panel failed:", err);
    return <VisitorsDisclosure title={t("title")} summary={t("loadFailed")} />;
  }
  if (list.state === "hidden") {
    return (
      <VisitorsDisclosure title={t("title")}>
        <p className="text-sm text-stone-700" data-testid="visitors-hidden-note">
          {t("hiddenNote")}{" "}
          <Link href="/settings#footprints" className="font-medium text-brand-700 underline">
            {t("hiddenLink")}
          </Link>
        </p>
      </VisitorsDisclosure>
    );
  }
  const summary = t("summary", { total: list.total, today: list.today, days: list.retentionDays });
  return (
    <VisitorsDisclosure title={t("title")} summary={summary}>
      {list.visitors.length === 0 ? (
        <EmptyState testId="visitors-empty">{t("empty")}</EmptyState>
      ) : (
        <VisitorList initial={list.visitors} nextCursor={list.nextCursor} />
      )}
      <p className="mt-2 text-xs text-stone-500">{t("onlyYou")}</p>
    </VisitorsDisclosure>
  );
}
