import "server-only";
import { storage } from "@/server/storage";
import { mediaKey, tmpKey } from "./purposes";

/**
 * Moves a committed upload from its temporary key to its final one.
 * Idempotent: the request does it right after commit, and the processing job
 * does it again in case that process died in between.
 */
export async function finaliseUpload(key: string, variant: string): Promise<void> {
  const store = storage();
  const final = mediaKey(key, variant);
  if (await store.stat(final)) return;
  try {
    await store.move(tmpKey(key), final);
  } catch (err) {
    if (!(await store.stat(final))) throw err;
  }
}
