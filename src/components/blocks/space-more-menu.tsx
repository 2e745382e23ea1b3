"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { MoreMenu } from "@/components/ui/more-menu";
import { ReportDialog } from "@/components/reports/report-dialog";
import { BlockDialog } from "./block-dialog";

/** "More" on someone else's space header: Block (after a confirmation) and Report user. */
export function SpaceMoreMenu({ userId, name }: { userId: number; name: string }) {
  const t = useTranslations("blocks");
  const tr = useTranslations("reports");
  const [dialog, setDialog] = useState<"block" | "report" | null>(null);
  return (
    <>
      <MoreMenu
        label={t("moreFor", { name })}
        items={[
          { key: "report", label: tr("reportUser"), onSelect: () => setDialog("report") },
          { key: "block", label: t("block"), onSelect: () => setDialog("block"), danger: true },
        ]}
        testId="space-more"
        className="shrink-0"
      >
        {t("more")}
        <span aria-hidden>▾</span>
      </MoreMenu>
      {dialog === "block" && <BlockDialog userId={userId} name={name} onClose={() => setDialog(null)} />}
      {dialog === "report" && <ReportDialog target={{ type: "user", userId, name }} onClose={() => setDialog(null)} />}
    </>
  );
}
