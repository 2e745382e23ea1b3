"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { deletePostAction } from "@/actions/post-actions";
import { Button } from "@/components/ui/button";

/** Edit and Delete on the reading page (the author only); deleting goes back to the Blog tab. */
export function BlogOwnerActions({ postId, handle }: { postId: string; handle: string }) {
  const t = useTranslations("blog");
  const te = useTranslations("errors");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const remove = () => {
    if (!window.confirm(t("confirmDelete"))) return;
    startTransition(async () => {
      const res = await deletePostAction({ postId });
      if (!res.ok) return setError(te(res.error));
      router.push(`/u/${handle}/blog`);
    });
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Link href={`/blog/write?post=${postId}`} className="inline-flex min-h-9 items-center rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-50">
        {t("edit")}
      </Link>
      <Button variant="danger" onClick={remove} pending={pending}>
        {t("delete")}
      </Button>
      {error && (
        <p className="w-full text-sm text-red-700" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
