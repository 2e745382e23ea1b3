"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { cancelFriendRequestAction, respondFriendRequestAction } from "@/actions/social-actions";
import { Button } from "@/components/ui/button";

/** Accept / decline an incoming request, or cancel an outgoing one, on the friends page. */
export function RequestButtons({ userId, direction, name }: { userId: number; direction: "incoming" | "outgoing"; name: string }) {
  const t = useTranslations("people");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [which, setWhich] = useState<string>("");
  const act = (w: string, fn: () => Promise<unknown>) => {
    setWhich(w);
    startTransition(async () => {
      await fn();
      router.refresh();
    });
  };
  if (direction === "outgoing")
    return (
      <Button variant="secondary" pending={pending} aria-label={t("cancelRequestTo", { name })} onClick={() => act("c", () => cancelFriendRequestAction({ userId }))}>
        {t("cancelRequest")}
      </Button>
    );
  return (
    <div className="flex gap-2">
      <Button pending={pending && which === "a"} aria-label={t("acceptFrom", { name })} onClick={() => act("a", () => respondFriendRequestAction({ userId, accept: "yes" }))}>
        {t("accept")}
      </Button>
      <Button variant="secondary" pending={pending && which === "d"} aria-label={t("declineFrom", { name })} onClick={() => act("d", () => respondFriendRequestAction({ userId, accept: "no" }))}>
        {t("decline")}
      </Button>
    </div>
  );
}
