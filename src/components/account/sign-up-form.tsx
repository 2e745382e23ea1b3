"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { signUpAction } from "@/actions/account-actions";
import { signInWithPassword } from "@/lib/auth-client";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function SignUpForm() {
  const t = useTranslations("auth");
  const te = useTranslations("errors");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    startTransition(async () => {
      const res = await signUpAction(data);
      if (!res.ok) {
        setFieldErrors(res.fieldErrors ?? {});
        setFormError(res.fieldErrors ? null : te(res.error));
        return;
      }
      const failure = await signInWithPassword(data.email ?? "", data.password ?? "");
      if (failure) {
        setFormError(te(failure === "RateLimited" ? "rateLimited" : "internal"));
        return;
      }
      router.replace("/");
      router.refresh();
    });
  };

  const err = (name: string) => (fieldErrors[name] ? te(fieldErrors[name]!) : undefined);
  return (
    <form onSubmit={submit} method="post" noValidate className="space-y-4">
      <Field label={t("email")} name="email" type="email" autoComplete="email" required error={err("email")} />
      <Field label={t("handle")} name="handle" autoComplete="username" required error={err("handle")} hint={t("handleHint")} />
      <Field label={t("displayName")} name="displayName" autoComplete="nickname" required error={err("displayName")} />
      <Field label={t("password")} name="password" type="password" autoComplete="new-password" required error={err("password")} hint={t("passwordHint")} />
      {formError && <p className="text-sm text-red-700">{formError}</p>}
      <Button type="submit" pending={pending} className="w-full">
        {t("signUp")}
      </Button>
    </form>
  );
}
