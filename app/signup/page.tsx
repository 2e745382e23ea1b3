import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignUpForm } from "@/components/account/sign-up-form";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("signUp") };
}

export default async function SignUpPage() {
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-sm rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-xl font-semibold">{t("signUpTitle")}</h1>
      <SignUpForm />
      <p className="mt-4 text-center text-sm text-stone-600">
        {t("haveAccount")}{" "}
        <Link href="/signin" className="text-brand-700 underline">
          {t("signIn")}
        </Link>
      </p>
    </div>
  );
}
