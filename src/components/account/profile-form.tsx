"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { updateProfileAction } from "@/actions/account-actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function ProfileForm({ initial }: { initial: { displayName: string; bio: string } }) {
  const t = useTranslations("settings");
  const te = useTranslations("errors");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(e.currentTarget));
    startTransition(async () => {
      const res = await updateProfileAction(data);
      setErrors(res.ok ? {} : (res.fieldErrors ?? { _form: res.error }));
      setSaved(res.ok);
      if (res.ok) router.refresh();
    });
  };
  const err = (name: string) => (errors[name] ? te(errors[name]!) : undefined);
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Field label={t("displayName")} name="displayName" defaultValue={initial.displayName} required error={err("displayName")} />
      <Field label={t("bio")} name="bio" defaultValue={initial.bio} error={err("bio")} hint={t("bioHint")} />
      {errors._form && <p className="text-sm text-red-700">{te(errors._form)}</p>}
      <div className="flex items-center gap-3">
        <Button type="submit" pending={pending}>
          {t("save")}
        </Button>
        {saved && <span className="text-sm text-emerald-700">{t("saved")}</span>}
      </div>
    </form>
  );
}
