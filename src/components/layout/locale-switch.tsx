"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { setLocaleAction } from "@/actions/account-actions";
import { LOCALES, type Locale } from "@/i18n/config";

const NAMES: Record<Locale, string> = { "zh-CN": "中文", en: "English" };

export function LocaleSwitch() {
  const t = useTranslations("nav");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <>
      <label htmlFor="locale-switch" className="sr-only">
        {t("language")}
      </label>
      <select
        id="locale-switch"
        value={locale}
        disabled={pending}
        onChange={(e) =>
          startTransition(async () => {
            await setLocaleAction({ locale: e.target.value });
            router.refresh();
          })
        }
        className="rounded-md border border-stone-300 bg-white px-1.5 py-1 text-sm"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </>
  );
}
