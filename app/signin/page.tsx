import Link from "next/link";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/account/sign-in-form";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("signIn") };
}

export default async function SignInPage() {
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-sm rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-xl font-semibold">{t("signIn")}</h1>
      <Suspense>
        <SignInForm />
      </Suspense>
      <p className="mt-4 text-center text-sm text-stone-600">
        {t("noAccount")}{" "}
        <Link href="/signup" className="text-brand-700 underline">
          {t("signUp")}
        </Link>
      </p>
    </div>
  );
}
