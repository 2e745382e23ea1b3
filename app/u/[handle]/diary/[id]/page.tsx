import Link from "next/link";
import { notFound } from "next/navigation";
import { getTimeZone, getTranslations } from "next-intl/server";
import { getSpaceViewer } from "@/server/preview/space-viewer";
import { getEntry } from "@/server/diary/get-entry";
import { orNotFound } from "@/server/http/or-not-found";
import { MOODS, monthOf, todayIn, WEATHERS, type Mood, type Weather } from "@/lib/diary";
import { postRefSchema } from "@/lib/validation/post";
import { DiaryBadges } from "@/components/diary/diary-badges";
import { EntryOwnerTools } from "@/components/diary/entry-owner-tools";
import { RelativeTime } from "@/components/ui/relative-time";
import { RichText } from "@/components/ui/rich-text";
import { ItemInteractions } from "@/components/items/item-interactions";
import { ItemReportMenu } from "@/components/reports/item-report-menu";

type Props = { params: Promise<{ handle: string; id: string }> };

const asMood = (m: string | null) => ((MOODS as readonly string[]).includes(m ?? "") ? (m as Mood) : null);
const asWeather = (w: string | null) => ((WEATHERS as readonly string[]).includes(w ?? "") ? (w as Weather) : null);

/** One diary entry. Missing, hidden and not-a-diary ids all get the same 404 page. */
export default async function DiaryEntryPage({ params }: Props) {
  const { handle, id } = await params;
  const ref = postRefSchema.safeParse({ postId: id });
  if (!ref.success) notFound();
  const entry = await orNotFound(getEntry((await getSpaceViewer(handle)).viewer, { postId: ref.data.postId, handle }));
  const [t, ti, timeZone] = await Promise.all([getTranslations("diary"), getTranslations("items"), getTimeZone()]);
  const { date, mood, weather } = entry.attachment;
  const author = entry.author;

  return (
    <div className="space-y-3">
      <Link href={`/u/${author.handle}/diary?month=${monthOf(date)}`} className="text-sm text-brand-700 hover:underline">
        ← {t("back", { name: author.displayName })}
      </Link>
      <article className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm sm:p-6" data-testid="diary-entry" data-post-id={entry.id}>
        <div className="flex items-start justify-between gap-2">
          <DiaryBadges date={date} mood={mood} weather={weather} />
          <ItemReportMenu post={entry} />
        </div>
        {entry.title && <h2 className="mt-3 text-xl font-semibold break-words text-stone-900">{entry.title}</h2>}
        <div className="mt-3 text-[16px] leading-relaxed text-stone-800">
          <RichText segments={entry.segments} />
        </div>
        <p className="mt-4 text-xs text-stone-500">
          {t("written")} <RelativeTime iso={entry.createdAt} />
          {entry.editedAt && <span className="ml-2">· {ti("edited")}</span>}
        </p>
        <ItemInteractions post={entry} />
      </article>
      {entry.mine && (
        <EntryOwnerTools
          handle={author.handle}
          postId={entry.id}
          audience={entry.audience}
          chosen={entry.chosen}
          today={todayIn(timeZone)}
          draft={{ entryDate: date, title: entry.title ?? "", body: entry.body, mood: asMood(mood), weather: asWeather(weather) }}
        />
      )}
    </div>
  );
}
