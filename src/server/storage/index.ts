import "server-only";
// Where media bytes live. The app codes against one interface (./types) and
// the environment picks the driver once per process: S3-compatible storage
// when S3_BUCKET is set, otherwise files under MEDIA_DIR (default
// <cwd>/.data/media), so development needs no object store.
import path from "node:path";
import { LocalDiskStorage } from "./local-disk";
import { S3Storage } from "./s3";
import type { Storage } from "./types";

export type { Storage, StoredObject } from "./types";
export { assertKey } from "./types";

// On globalThis so that dev-mode module reloads keep using the same instance.
const slot = globalThis as typeof globalThis & { __kongjianStorage?: Storage | null };

function fromEnv(env: NodeJS.ProcessEnv = process.env): Storage {
  if (env.S3_BUCKET) {
    return new S3Storage({
      bucket: env.S3_BUCKET,
      region: env.S3_REGION || "us-east-1",
      endpoint: env.S3_ENDPOINT || undefined,
      forcePathStyle: env.S3_FORCE_PATH_STYLE === "1" || env.S3_FORCE_PATH_STYLE === "true",
      accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
    });
  }
  return new LocalDiskStorage(env.MEDIA_DIR || path.join(process.cwd(), ".data", "media"));
}

/** The process-wide storage, chosen from the environment on first use. */
export function storage(): Storage {
  return (slot.__kongjianStorage ??= fromEnv());
}

/** Replaces the storage (e.g. with one that fails); null goes back to the environment's. */
export function setStorageForTests(s: Storage | null): void {
  slot.__kongjianStorage = s;
}
