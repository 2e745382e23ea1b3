// The one storage interface every driver implements (local disk by default,
// S3-compatible when S3_BUCKET is set; see ./index.ts). Keys are built by the
// server from ids and random UUIDs, never from user input (a file's name is
// only ever shown, never used as a path): see assertKey().
import type { Readable } from "node:stream";

export type StoredObject = { key: string; size: number; modifiedAt: Date };

export interface Storage {
  /**
   * Streams `body` to `key` and resolves with the bytes written. If the body
   * stream errors (e.g. an upload over its size limit is cut off), put
   * rejects with that error and nothing is left under `key`.
   */
  put(key: string, body: Readable | Buffer, opts?: { contentType?: string }): Promise<{ size: number }>;
  /** The object, or a byte range of it (inclusive bounds, like HTTP Range); null when missing. */
  get(key: string, range?: { start: number; end: number }): Promise<{ body: Readable; size: number } | null>;
  /** Size and last-modified time, or null when missing. */
  stat(key: string): Promise<{ size: number; modifiedAt: Date } | null>;
  /** Removes one object; a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Renames an object (local: rename; S3: copy then delete). Overwrites `to`. */
  move(from: string, to: string): Promise<void>;
  /** Every object whose key starts with `prefix` (for the cleanup of leftovers). */
  list(prefix: string): AsyncIterable<StoredObject>;
}

const KEY = /^[a-z0-9][a-z0-9_\-]*(\/[a-z0-9][a-z0-9_.\-]*)*$/;

/** Keys are lower-case path segments of [a-z0-9_.-], no "..", no leading "/". */
export function assertKey(key: string): string {
  if (!KEY.test(key) || key.split("/").some((s) => s === "." || s === ".." || s.includes(".."))) {
    throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
  }
  return key;
}
