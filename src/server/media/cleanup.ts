import "server-only";
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { db } from "@/server/db";
import { storage } from "@/server/storage";
import { deleteMediaFiles } from "./delete-media";
import { spoolDir } from "./spool";

/** Leftovers younger than this may belong to an upload still in flight. */
const GRACE_MS = 60 * 60 * 1000;
/** An upload never attached to an item (a song whose form was abandoned...) is kept this long. */
const UNATTACHED_MS = 24 * 60 * 60 * 1000;

export type CleanupReport = { tmpFiles: number; orphanFiles: number; unattachedMedia: number; spoolFiles: number };

/**
 * The backstop of "nothing half-written" (run periodically by the job queue):
 * - temporary uploads whose transaction never committed;
 * - files under m/<key>/ with no media row (a crash between a delete's commit and its file removal),
 *   and files a READY row no longer lists (a song's cover art, replaced or removed);
 * - media rows never attached to anything (abandoned forms), except blog
 *   images still referenced by one of the owner's drafts;
 * - spool files left by a process that died mid-upload.
 */
export async function runCleanup(opts: { now?: number; graceMs?: number } = {}): Promise<CleanupReport> {
  const now = opts.now ?? Date.now();
  const grace = opts.graceMs ?? GRACE_MS;
  const store = storage();
  const report: CleanupReport = { tmpFiles: 0, orphanFiles: 0, unattachedMedia: 0, spoolFiles: 0 };

  for await (const obj of store.list("tmp/")) {
    if (now - obj.modifiedAt.getTime() < grace) continue;
    const key = obj.key.slice("tmp/".length);
    // A committed row whose temporary file was never moved: the job still needs it.
    if (/^[0-9a-f-]{36}$/.test(key) && (await db.media.findUnique({ where: { key }, select: { id: true } }))) continue;
    await store.delete(obj.key);
    report.tmpFiles++;
  }

  const byKey = new Map<string, string[]>();
  for await (const obj of store.list("m/")) {
    if (now - obj.modifiedAt.getTime() < grace) continue;
    const key = obj.key.split("/")[1]!;
    byKey.set(key, [...(byKey.get(key) ?? []), obj.key]);
  }
  const keys = [...byKey.keys()].filter((k) => /^[0-9a-f-]{36}$/.test(k));
  const known = new Map((await db.media.findMany({ where: { key: { in: keys } }, select: { key: true, status: true, variants: true } })).map((r) => [r.key, r]));
  for (const [key, objects] of byKey) {
    const row = known.get(key);
    // While a row is processing, its files are written before it lists them.
    const stale = !row ? objects : row.status === "READY" ? objects.filter((o) => !row.variants.includes(o.split("/")[2]!)) : [];
    for (const o of stale) await store.delete(o);
    report.orphanFiles += stale.length;
  }

  const cutoff = new Date(now - UNATTACHED_MS);
  // One statement that re-checks each row as it deletes it: an upload attached
  // meanwhile (a track's new cover, a song just published) is kept.
  const unattached = await db.$queryRaw<{ key: string }[]>`
    DELETE FROM media m USING users u
    WHERE u.id = m.owner_id
      AND m.created_at < ${cutoff}
      AND m.post_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM photos ph WHERE ph.media_id = m.id)
      AND m.id IS DISTINCT FROM u.avatar_media_id AND m.id IS DISTINCT FROM u.cover_media_id
      AND NOT (m.purpose IN ('avatar', 'cover') AND m.status = 'PROCESSING')
      AND NOT EXISTS (SELECT 1 FROM blog_drafts d WHERE d.author_id = m.owner_id AND d.source LIKE '%/media/' || m.id || '/%')
      AND NOT EXISTS (SELECT 1 FROM blog_posts b WHERE b.cover_media_id = m.id)
    RETURNING m.key::text AS key`;
  await deleteMediaFiles(unattached.map((r) => r.key));
  report.unattachedMedia = unattached.length;

  const dir = spoolDir();
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const file = path.join(dir, name);
    const s = await stat(file).catch(() => null);
    if (s && now - s.mtimeMs >= grace) {
      await rm(file, { force: true });
      report.spoolFiles++;
    }
  }
  return report;
}
