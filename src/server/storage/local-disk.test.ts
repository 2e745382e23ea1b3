// LocalDiskStorage on a temp directory: the storage contract, then what only
// the disk driver has (part files, its root, directories).
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalDiskStorage } from "./local-disk";
import { describeStorageContract } from "./storage-contract";
import { collect } from "./test-streams";
import { assertKey } from "./types";

async function filesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => e.name);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
}

describeStorageContract("LocalDiskStorage", async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), "kongjian-storage-"));
  return {
    storage: new LocalDiskStorage(root),
    async assertNothingLeft(prefix) {
      // Not even a part file.
      expect(await filesUnder(path.join(root, ...prefix.split("/")))).toEqual([]);
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
});

describe("LocalDiskStorage specifics", () => {
  let root: string;
  let s: LocalDiskStorage;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "kongjian-storage-"));
    s = new LocalDiskStorage(root);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("lists a stale part file (under a name no real key can have) and can delete it", async () => {
    await s.put("tmp/real", Buffer.from("r"));
    await writeFile(path.join(root, "tmp", "real.part-~0123456789ab"), "half");
    await writeFile(path.join(root, "tmp", ".DS_Store"), "not ours");
    const listed = (await collect(s.list("tmp/"))).map((o) => o.key);
    expect(listed).toEqual(["tmp/real", "tmp/real.part-~0123456789ab"]);
    expect(() => assertKey("tmp/real.part-~0123456789ab")).toThrow();
    await s.delete("tmp/real.part-~0123456789ab");
    expect((await collect(s.list("tmp/"))).map((o) => o.key)).toEqual(["tmp/real"]);
    await expect(s.delete("../x.part-~0123456789ab")).rejects.toThrow(/invalid storage key/);
  });

  it("keeps files inside its root", async () => {
    await s.put("inside/k", Buffer.from("k"));
    expect(await filesUnder(path.join(root, "inside"))).toEqual(["k"]);
  });

  it("get of a directory is null", async () => {
    await mkdir(path.join(root, "adir", "sub"), { recursive: true });
    expect(await s.get("adir/sub")).toBeNull();
    expect(await s.stat("adir/sub")).toBeNull();
  });
});
