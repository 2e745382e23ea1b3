"use client";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { signInWithPassword } from "@/lib/auth-client";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function SignInForm() {
  const t = useTranslations("auth");
  const te = useTranslations("errors");
  const router = useRouter();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(async () => {
      const failure = await signInWithPassword(String(data.get("email") ?? ""), String(data.get("password") ?? ""));
      if (failure) {
        // Same message whether or not the email exists.
        setError(te(failure === "RateLimited" ? "rateLimited" : "wrongCredentials"));
        return;
      }
      router.replace(safeRedirectPath(params.get("callbackUrl"), window.location.origin));
      router.refresh();
    });
  };

  return (
    <form onSubmit={submit} method="post" noValidate className="space-y-4">
      <Field label={t("email")} name="email" type="email" autoComplete="email" required />
      <Field label={t("password")} name="password" type="password" autoComplete="current-password" required />
      {error && (
        <p className="text-sm text-red-700" data-testid="signin-error">
          {error}
        </p>
      )}
      <Button type="submit" pending={pending} className="w-full">
        {t("signIn")}
      </Button>
    </form>
  );
}
