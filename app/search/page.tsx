import { getTranslations } from "next-intl/server";
import { getViewer } from "@/server/auth/viewer";
import { searchUsers } from "@/server/users/search-users";
import { PersonRow } from "@/components/people/person-row";

type Props = { searchParams: Promise<{ q?: string | string[] }> };

export async function generateMetadata() {
  return { title: (await getTranslations("search"))("title") };
}

export default async function SearchPage({ searchParams }: Props) {
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
  const [results, t] = await Promise.all([searchUsers(await getViewer(), q), getTranslations("search")]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <form action="/search" role="search" className="flex gap-2">
        <label htmlFor="search-q" className="sr-only">
          {t("label")}
        </label>
        <input id="search-q" name="q" type="search" defaultValue={q} placeholder={t("placeholder")} className="flex-1 rounded-md border border-stone-300 px-3 py-2" />
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {t("submit")}
        </button>
      </form>
      {q === "" ? (
        <p className="text-stone-600">{t("hint")}</p>
      ) : results.length === 0 ? (
        <p className="text-stone-600">{t("none", { q })}</p>
      ) : (
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white px-4" data-testid="search-results">
          {results.map((p) => (
            <PersonRow key={p.id} person={p} />
          ))}
        </ul>
      )}
    </div>
  );
}
