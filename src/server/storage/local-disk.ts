// Local-disk driver: one file per key under rootDir. Writes land in a part
// file next to the target and are renamed into place once complete, so a
// reader never sees a half-written object and a failed write leaves nothing.
import { randomBytes } from "node:crypto";
import type { Dirent } from "node:fs";
import { mkdir, open, readdir, rename, stat, unlink, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertKey, type Storage, type StoredObject } from "./types";

// "<key>.part-~<hex>": the "~" is outside the key alphabet, so a part file can
// never be mistaken for (or collide with) a real key, even on a
// case-insensitive file system. list() reports them so the cleanup can delete
// stale ones; delete() accepts them.
const PART = /\.part-~[0-9a-f]{12}$/;

function isMissing(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

/** A real key, or a part file of one; anything else on disk is not ours. */
function isStoredName(name: string): boolean {
  const m = PART.exec(name);
  try {
    assertKey(m ? name.slice(0, m.index) : name);
    return true;
  } catch {
    return false;
  }
}

function checkRange(range: { start: number; end: number }, size: number): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start || end >= size) {
    throw new RangeError(`range ${start}-${end} is outside an object of ${size} bytes`);
  }
}

/** "" or a key prefix ("tmp/", "tmp/ab"): same alphabet as keys, no "..". */
export function assertPrefix(prefix: string): string {
  if (prefix !== "") assertKey(prefix.endsWith("/") ? prefix.slice(0, -1) : prefix);
  return prefix;
}

export class LocalDiskStorage implements Storage {
  private readonly root: string;

  constructor(rootDir: string) {
    this.root = path.resolve(rootDir);
  }

  private file(key: string): string {
    return path.join(this.root, ...assertKey(key).split("/"));
  }

  async put(key: string, body: Readable | Buffer): Promise<{ size: number }> {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true });
    const part = `${file}.part-~${randomBytes(6).toString("hex")}`;
    // Open the part file up front (exclusive) so it exists before any byte
    // flows and the error path below always has something definite to remove.
    const fh = await open(part, "wx");
    try {
      const out = fh.createWriteStream(); // closes fh when finished or destroyed
      await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, out);
      // Flush to disk before the rename makes the object visible, so a crash
      // cannot leave a complete-looking but empty file.
      const sync = await open(part, "r+");
      try {
        await sync.sync();
      } finally {
        await sync.close();
      }
      await rename(part, file);
      return { size: out.bytesWritten };
    } catch (e) {
      await fh.close().catch(() => {}); // in case the stream never took it over
      await unlink(part).catch(() => {});
      throw e;
    }
  }

  async get(key: string, range?: { start: number; end: number }): Promise<{ body: Readable; size: number } | null> {
    const file = this.file(key);
    let fh: FileHandle;
    try {
      fh = await open(file, "r");
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
    try {
      // Stat the open handle, not the path: the size then matches the bytes
      // streamed even if the key is replaced meanwhile (rename swaps inodes).
      const st = await fh.stat();
      if (!st.isFile()) {
        await fh.close();
        return null;
      }
      if (range) checkRange(range, st.size);
      // size is always the whole object's (for Content-Range: bytes s-e/size).
      return { body: fh.createReadStream(range ? { start: range.start, end: range.end } : {}), size: st.size };
    } catch (e) {
      await fh.close();
      throw e;
    }
  }

  async stat(key: string): Promise<{ size: number; modifiedAt: Date } | null> {
    try {
      const st = await stat(this.file(key));
      return st.isFile() ? { size: st.size, modifiedAt: st.mtime } : null;
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    // Stale part files (as reported by list) may be deleted too.
    const m = PART.exec(key);
    const file = m ? `${this.file(key.slice(0, m.index))}${m[0]}` : this.file(key);
    try {
      await unlink(file);
    } catch (e) {
      if (!isMissing(e)) throw e;
    }
  }

  async move(from: string, to: string): Promise<void> {
    const src = this.file(from);
    const dst = this.file(to);
    await mkdir(path.dirname(dst), { recursive: true });
    await rename(src, dst);
  }

  async *list(prefix: string): AsyncIterable<StoredObject> {
    assertPrefix(prefix);
    // Walk only the deepest directory the prefix names in full.
    const slash = prefix.lastIndexOf("/");
    const base = slash < 0 ? "" : prefix.slice(0, slash);
    yield* this.walk(base, prefix);
  }

  private async *walk(dirKey: string, prefix: string): AsyncGenerator<StoredObject> {
    const dir = dirKey ? path.join(this.root, ...dirKey.split("/")) : this.root;
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      if (isMissing(e)) return;
      throw e;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const key = dirKey ? `${dirKey}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        // Descend only where keys under this directory can match the prefix.
        if (`${key}/`.startsWith(prefix) || prefix.startsWith(`${key}/`)) yield* this.walk(key, prefix);
      } else if (entry.isFile() && key.startsWith(prefix) && isStoredName(key)) {
        try {
          const st = await stat(path.join(dir, entry.name));
          yield { key, size: st.size, modifiedAt: st.mtime };
        } catch (e) {
          if (!isMissing(e)) throw e; // deleted while listing
        }
      }
    }
  }
}
