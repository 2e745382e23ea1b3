import "server-only";
import { createWriteStream } from "node:fs";
import { mkdir, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { randomUUID } from "node:crypto";
import { SNIFF_BYTES } from "./sniff";

/** Where uploads are spooled while they are checked (never inside the public folder). */
export function spoolDir(): string {
  return process.env.UPLOAD_SPOOL_DIR ?? path.join(tmpdir(), "kongjian-uploads");
}

export class TooLarge extends Error {
  constructor() {
    super("upload over its size limit");
  }
}

/**
 * Streams an upload to a local spool file, counting bytes: the stream is cut
 * off with TooLarge the moment it passes `limit`, so an oversized body is
 * never read to the end, and memory stays at one chunk whatever the size.
 * Returns the file's path, its size and its first bytes (for sniffing).
 */
export async function spool(body: Readable, limit: number): Promise<{ file: string; size: number; head: Buffer }> {
  await mkdir(spoolDir(), { recursive: true });
  const file = path.join(spoolDir(), `${randomUUID()}.part`);
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > limit) return done(new TooLarge());
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, counter, createWriteStream(file, { flags: "wx" }));
  } catch (err) {
    await rm(file, { force: true });
    throw err;
  }
  const head = Buffer.alloc(Math.min(size, SNIFF_BYTES));
  const fh = await open(file, "r");
  try {
    await fh.read(head, 0, head.length, 0);
  } finally {
    await fh.close();
  }
  return { file, size, head };
}
