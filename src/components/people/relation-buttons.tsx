"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import {
  cancelFriendRequestAction,
  followAction,
  respondFriendRequestAction,
  sendFriendRequestAction,
  unfollowAction,
  unfriendAction,
} from "@/actions/social-actions";
import type { ActionResult } from "@/server/http/to-result";
import { Button } from "@/components/ui/button";

type State = { isFriend: boolean; requestSent: boolean; requestReceived: boolean; following: boolean };

/** The friend and follow buttons on someone else's space. */
export function RelationButtons({ userId, state }: { userId: number; state: State }) {
  const t = useTranslations("people");
  const te = useTranslations("errors");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = (name: string, action: () => Promise<ActionResult<unknown>>, confirmText?: string) => {
    if (confirmText && !window.confirm(confirmText)) return;
    setBusy(name);
    startTransition(async () => {
      const res = await action();
      setError(res.ok ? null : te(res.error));
      router.refresh();
    });
  };
  const p = (name: string) => pending && busy === name;

  return (
    <div className="flex flex-wrap items-center gap-2">
      {state.isFriend ? (
        <Button variant="secondary" pending={p("unfriend")} onClick={() => run("unfriend", () => unfriendAction({ userId }), t("confirmUnfriend"))}>
          {t("unfriend")}
        </Button>
      ) : state.requestReceived ? (
        <>
          <Button pending={p("accept")} onClick={() => run("accept", () => respondFriendRequestAction({ userId, accept: "yes" }))}>
            {t("accept")}
          </Button>
          <Button variant="secondary" pending={p("decline")} onClick={() => run("decline", () => respondFriendRequestAction({ userId, accept: "no" }))}>
            {t("decline")}
          </Button>
        </>
      ) : state.requestSent ? (
        <Button variant="secondary" pending={p("cancel")} onClick={() => run("cancel", () => cancelFriendRequestAction({ userId }))}>
          {t("cancelRequest")}
        </Button>
      ) : (
        <Button pending={p("add")} onClick={() => run("add", () => sendFriendRequestAction({ userId }))}>
          {t("addFriend")}
        </Button>
      )}
      {state.following ? (
        <Button variant="secondary" pending={p("unfollow")} onClick={() => run("unfollow", () => unfollowAction({ userId }))}>
          {t("unfollow")}
        </Button>
      ) : (
        !state.isFriend && (
          <Button variant="secondary" pending={p("follow")} onClick={() => run("follow", () => followAction({ userId }))}>
            {t("follow")}
          </Button>
        )
      )}
      {error && <p className="w-full text-sm text-red-700">{error}</p>}
    </div>
  );
}
