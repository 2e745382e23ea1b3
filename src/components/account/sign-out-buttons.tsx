"use client";
import { useTransition } from "react";
import { useTranslations } from "next-intl";
import { signOutEverywhereAction } from "@/actions/account-actions";
import { signOutTo } from "@/lib/auth-client";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const t = useTranslations("auth");
  const [pending, startTransition] = useTransition();
  return (
    <Button variant="ghost" pending={pending} onClick={() => startTransition(() => signOutTo("/"))}>
      {t("signOut")}
    </Button>
  );
}

/** Bumps the session version (every device's token stops working), then signs this browser out. */
export function SignOutEverywhereButton() {
  const t = useTranslations("auth");
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="danger"
      pending={pending}
      onClick={() =>
        startTransition(async () => {
          if (!window.confirm(t("confirmSignOutEverywhere"))) return;
          await signOutEverywhereAction({});
          await signOutTo("/");
        })
      }
    >
      {t("signOutEverywhere")}
    </Button>
  );
}
