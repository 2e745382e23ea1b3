"use client";
import { useState, useTransition } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { unblockUserAction } from "@/actions/block-actions";
import type { BlockedUser } from "@/server/blocks/list-blocked";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";

/**
 * The blocked list with one Unblock per person. A row leaves the list once
 * its unblock succeeded, and a status line says so. (No links to their
 * spaces: while blocked, those 404.)
 */
export function BlockedUsersList({ initial }: { initial: BlockedUser[] }) {
  const t = useTranslations("blocks");
  const te = useTranslations("errors");
  const format = useFormatter();
  const [people, setPeople] = useState(initial);
  const [busy, setBusy] = useState<number | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [pending, startTransition] = useTransition();

  const unblock = (user: BlockedUser) => {
    if (pending) return;
    setBusy(user.id);
    startTransition(async () => {
      const res = await unblockUserAction({ userId: user.id });
      if (res.ok) {
        setPeople((list) => list.filter((p) => p.id !== user.id));
        setMessage({ text: t("unblocked", { name: user.displayName }) });
      } else setMessage({ text: te(res.error), error: true });
      setBusy(null);
    });
  };

  return (
    <div>
      {people.length === 0 ? (
        <p className="rounded-md border border-dashed border-stone-300 p-4 text-center text-sm text-stone-600" data-testid="blocked-empty">
          {t("empty")}
        </p>
      ) : (
        <ul className="divide-y divide-stone-100" data-testid="blocked-list">
          {people.map((u) => (
            <li key={u.id} className="flex flex-wrap items-center gap-3 py-2">
              <Avatar user={u} size="sm" />
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium text-stone-900">{u.displayName}</p>
                <p className="break-words text-xs text-stone-500">
                  @{u.handle} · {t("blockedOn", { date: format.dateTime(new Date(u.blockedAt), { dateStyle: "medium" }) })}
                </p>
              </div>
              <Button variant="secondary" pending={pending && busy === u.id} disabled={pending && busy !== u.id} onClick={() => unblock(u)} aria-label={t("unblockName", { name: u.displayName })}>
                {t("unblock")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className={`mt-2 text-sm ${message?.error ? "text-red-700" : "text-stone-700"}`}>
        {message?.text}
      </p>
    </div>
  );
}
