import "server-only";
import { db } from "@/server/db";
import { storage } from "@/server/storage";
import { mediaKey, tmpKey } from "./purposes";

const ALL_VARIANTS = ["upload", "original", "display", "thumb", "poster", "cover"];

/** Removes the files of media rows that are already gone (after the deleting transaction committed). */
export async function deleteMediaFiles(keys: string[]): Promise<void> {
  const store = storage();
  await Promise.all(
    keys.flatMap((key) => [...ALL_VARIANTS.map((v) => store.delete(mediaKey(key, v))), store.delete(tmpKey(key))]),
  ).catch((err) => console.error("[media] delete files (the cleanup job will retry)", err));
}

/**
 * Removes one file of a row that stays (a song's embedded cover art, once its
 * row no longer lists the variant). Should this fail, the cleanup removes
 * files a READY row does not list.
 */
export async function deleteMediaVariantFile(key: string, variant: string): Promise<void> {
  await storage()
    .delete(mediaKey(key, variant))
    .catch((err) => console.error("[media] delete variant file (the cleanup job will retry)", err));
}

/** Deletes media rows, then their files. A crash in between leaves files without rows, which the cleanup removes. */
export async function deleteMedia(ids: number[]): Promise<void> {
  if (!ids.length) return;
  const rows = await db.media.findMany({ where: { id: { in: ids } }, select: { key: true } });
  await db.media.deleteMany({ where: { id: { in: ids } } });
  await deleteMediaFiles(rows.map((r) => r.key));
}
