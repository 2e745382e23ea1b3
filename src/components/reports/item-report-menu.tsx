"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { PostView } from "@/server/presenters/post";
import { MoreMenu } from "@/components/ui/more-menu";
import { ReportDialog } from "./report-dialog";

/**
 * The "⋯" menu on someone else's item card, with Report. Signed-out viewers
 * and the item's author get none (the author deletes instead).
 */
export function ItemReportMenu({ post }: { post: Pick<PostView, "id" | "mine" | "signedIn"> }) {
  const t = useTranslations("reports");
  const [reporting, setReporting] = useState(false);
  if (!post.signedIn || post.mine) return null;
  return (
    <>
      <MoreMenu label={t("itemMenu")} items={[{ key: "report", label: t("report"), onSelect: () => setReporting(true) }]} testId="item-menu">
        <span aria-hidden className="text-lg leading-none">
          ⋯
        </span>
      </MoreMenu>
      {reporting && <ReportDialog target={{ type: "item", postId: post.id }} onClose={() => setReporting(false)} />}
    </>
  );
}
