// The storage module's own rules: which driver storage() picks, and which keys
// any driver accepts. The drivers' shared contract is storage-contract.ts, run
// by local-disk.test.ts (LocalDiskStorage on a temp directory) and s3.test.ts
// (S3Storage against a real, in-process s3rver).
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { setStorageForTests, storage } from "./index";
import { LocalDiskStorage } from "./local-disk";
import { S3Storage } from "./s3";
import { assertKey, type Storage } from "./types";

describe("assertKey", () => {
  it.each(["../x", "a/../b", "/abs", "A", "a//b", "a\\b", "a/\u202eb", "\u202e", "", "a/", ".x", "a/..", "a/b..c", "a b"])(
    "refuses %j",
    (key) => {
      expect(() => assertKey(key)).toThrow(/invalid storage key/);
    },
  );
  it.each(["a", "tmp/abc", "u1/8f0c-uuid/original.jpg", "a_b-c/d.e"])("accepts %j", (key) => {
    expect(assertKey(key)).toBe(key);
  });
});

describe("storage()", () => {
  const saved = { ...process.env };
  afterAll(() => {
    process.env = saved;
    setStorageForTests(null);
  });

  it("is chosen by the environment, once, and can be replaced in tests", () => {
    delete process.env.S3_BUCKET;
    process.env.MEDIA_DIR = path.join(os.tmpdir(), "kongjian-media-unused");
    setStorageForTests(null);
    const local = storage();
    expect(local).toBeInstanceOf(LocalDiskStorage);
    expect(storage()).toBe(local);

    process.env.S3_BUCKET = "b";
    process.env.S3_ENDPOINT = "http://127.0.0.1:1";
    setStorageForTests(null);
    expect(storage()).toBeInstanceOf(S3Storage);

    const fake = {} as Storage;
    setStorageForTests(fake);
    expect(storage()).toBe(fake);
  });
});
