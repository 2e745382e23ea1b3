// Stream and listing helpers for the storage tests (the drivers' contract in
// storage-contract.ts and the driver-specific tests).
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import type { StoredObject } from "./types";

export const MB = 1024 * 1024;

export async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c));
  return Buffer.concat(chunks);
}

/** A Readable over `buf` in 64 KiB chunks (so it really streams). */
export function streamOf(buf: Buffer): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < buf.length; i += 64 * 1024) yield buf.subarray(i, i + 64 * 1024);
    })(),
  );
}

/** Emits `bytes` bytes, then fails with `error` (like an upload cut off at its size limit). */
export function failingStream(bytes: number, error: Error): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= bytes) {
        this.destroy(error);
        return;
      }
      const n = Math.min(256 * 1024, bytes - sent);
      sent += n;
      this.push(randomBytes(n));
    },
  });
}

export async function collect(it: AsyncIterable<StoredObject>): Promise<StoredObject[]> {
  const out: StoredObject[] = [];
  for await (const o of it) out.push(o);
  return out.sort((a, b) => (a.key < b.key ? -1 : 1));
}
