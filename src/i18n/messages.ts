// Messages are split by feature so each feature owns its strings:
// messages/<locale>.json holds the shared ones, messages/<locale>/<feature>.json
// each feature's. Every file maps namespaces to messages; files are merged
// namespace by namespace (so several features can add to "errors").
import type { Locale } from "./config";

export const FEATURES = ["media", "blog", "diary", "albums", "music", "video", "profile-media", "likes", "comments", "guestbook", "visitors", "preview", "reposts", "blocks", "reports", "notifications", "groups"] as const;

type Messages = Record<string, Record<string, unknown>>;

export async function loadMessages(locale: Locale): Promise<Messages> {
  const base = (await import(`../../messages/${locale}.json`)).default as Messages;
  const parts = await Promise.all(
    FEATURES.map((f) => import(`../../messages/${locale}/${f}.json`).then((m) => m.default as Messages)),
  );
  const out: Messages = { ...base };
  for (const part of parts) {
    for (const [ns, entries] of Object.entries(part)) out[ns] = { ...(out[ns] ?? {}), ...entries };
  }
  return out;
}
