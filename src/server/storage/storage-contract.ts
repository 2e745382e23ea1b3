// The storage contract: every driver (local-disk.test.ts, s3.test.ts) runs
// these same tests, so LocalDiskStorage and S3Storage behave alike.
import { randomBytes, randomUUID } from "node:crypto";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, failingStream, MB, readAll, streamOf } from "./test-streams";
import type { Storage } from "./types";

export type Driver = {
  storage: Storage;
  /** Driver-specific check that nothing at all is left under `prefix`. */
  assertNothingLeft(prefix: string): Promise<void>;
  cleanup(): Promise<void>;
};

/** The contract's tests, in a describe block named `name`, against the storage that `make` sets up. */
export function describeStorageContract(name: string, make: () => Promise<Driver>): void {
  describe(name, () => {
    let d: Driver;
    let s: Storage;
    // Each test works under its own prefix, so they cannot see each other's keys.
    const ns = () => `t${randomUUID().replaceAll("-", "")}`;

    beforeAll(async () => {
      d = await make();
      s = d.storage;
    });
    afterAll(async () => {
      await d?.cleanup();
    });

    it("puts a Buffer and gets it back byte-identical", async () => {
      const key = `${ns()}/small.bin`;
      const data = randomBytes(100_000);
      expect(await s.put(key, data, { contentType: "application/octet-stream" })).toEqual({ size: data.length });
      const got = await s.get(key);
      expect(got).not.toBeNull();
      expect(got!.size).toBe(data.length);
      expect((await readAll(got!.body)).equals(data)).toBe(true);
    });

    it("streams a 12 MB Readable in and out byte-identical", async () => {
      const key = `${ns()}/big.bin`;
      const data = randomBytes(12 * MB);
      expect(await s.put(key, streamOf(data))).toEqual({ size: data.length });
      expect((await s.stat(key))?.size).toBe(data.length);
      const got = await s.get(key);
      expect(got!.size).toBe(data.length);
      const back = await readAll(got!.body);
      expect(back.length).toBe(data.length);
      expect(back.equals(data)).toBe(true);

      // A range across the 8 MB part boundary of the multipart upload.
      const r = await s.get(key, { start: 8 * MB - 5, end: 8 * MB + 4 });
      expect((await readAll(r!.body)).equals(data.subarray(8 * MB - 5, 8 * MB + 5))).toBe(true);
    });

    it("puts an empty object", async () => {
      const key = `${ns()}/empty`;
      expect(await s.put(key, streamOf(Buffer.alloc(0)))).toEqual({ size: 0 });
      expect((await s.stat(key))?.size).toBe(0);
      expect((await readAll((await s.get(key))!.body)).length).toBe(0);
    });

    it("a ranged get returns exactly bytes start..end and the whole size", async () => {
      const key = `${ns()}/ranged.bin`;
      const data = randomBytes(1000);
      await s.put(key, data);
      for (const [start, end] of [
        [0, 0],
        [100, 199],
        [990, 999],
        [0, 999],
        [500, 500],
      ] as const) {
        const got = await s.get(key, { start, end });
        expect(got!.size).toBe(1000);
        const bytes = await readAll(got!.body);
        expect(bytes.length).toBe(end - start + 1);
        expect(bytes.equals(data.subarray(start, end + 1))).toBe(true);
      }
    });

    it("refuses a range outside the object", async () => {
      const key = `${ns()}/ranged.bin`;
      await s.put(key, randomBytes(1000));
      await expect(s.get(key, { start: 990, end: 1000 })).rejects.toThrow(RangeError);
      await expect(s.get(key, { start: 1000, end: 1005 })).rejects.toThrow(RangeError);
      await expect(s.get(key, { start: 10, end: 5 })).rejects.toThrow(RangeError);
      await expect(s.get(key, { start: -1, end: 5 })).rejects.toThrow(RangeError);
    });

    it("stats an object", async () => {
      const key = `${ns()}/stat.txt`;
      const before = Date.now();
      await s.put(key, Buffer.from("hello world"));
      const st = await s.stat(key);
      expect(st?.size).toBe(11);
      expect(st?.modifiedAt).toBeInstanceOf(Date);
      // S3 has second granularity.
      expect(st!.modifiedAt.getTime()).toBeGreaterThanOrEqual(before - 2000);
      expect(st!.modifiedAt.getTime()).toBeLessThanOrEqual(Date.now() + 2000);
    });

    it("get and stat of a missing key give null", async () => {
      const key = `${ns()}/missing`;
      expect(await s.get(key)).toBeNull();
      expect(await s.get(key, { start: 0, end: 1 })).toBeNull();
      expect(await s.stat(key)).toBeNull();
      expect(await s.stat(`${ns()}`)).toBeNull();
    });

    it("overwrites an existing key", async () => {
      const key = `${ns()}/over`;
      await s.put(key, Buffer.from("first version, longer"));
      await s.put(key, streamOf(Buffer.from("second")));
      expect((await readAll((await s.get(key))!.body)).toString()).toBe("second");
      expect((await s.stat(key))?.size).toBe(6);
    });

    it("delete is idempotent", async () => {
      const key = `${ns()}/del`;
      await s.put(key, Buffer.from("x"));
      await s.delete(key);
      expect(await s.stat(key)).toBeNull();
      expect(await s.get(key)).toBeNull();
      await expect(s.delete(key)).resolves.toBeUndefined();
      await expect(s.delete(`${ns()}/never/existed`)).resolves.toBeUndefined();
    });

    it("moves an object, overwriting the target", async () => {
      const p = ns();
      const a = Buffer.from("contents of a");
      await s.put(`${p}/a`, a);
      await s.move(`${p}/a`, `${p}/deep/er/b`);
      expect(await s.stat(`${p}/a`)).toBeNull();
      expect((await readAll((await s.get(`${p}/deep/er/b`))!.body)).equals(a)).toBe(true);

      await s.put(`${p}/c`, Buffer.from("old c, to be replaced"));
      await s.move(`${p}/deep/er/b`, `${p}/c`);
      expect(await s.stat(`${p}/deep/er/b`)).toBeNull();
      expect((await readAll((await s.get(`${p}/c`))!.body)).equals(a)).toBe(true);

      await s.move(`${p}/c`, `${p}/c`); // onto itself: a no-op, not a loss
      expect((await readAll((await s.get(`${p}/c`))!.body)).equals(a)).toBe(true);

      await expect(s.move(`${p}/nope`, `${p}/d`)).rejects.toThrow();
      expect(await s.stat(`${p}/d`)).toBeNull();
    });

    it("list(prefix) returns exactly the keys under the prefix", async () => {
      const p = ns();
      const keys = [`${p}/a/1`, `${p}/a/2.jpg`, `${p}/ab`, `${p}/b/x/y`];
      for (const [i, k] of keys.entries()) await s.put(k, Buffer.alloc(i + 1, 7));
      await s.put(`${p}x/other`, Buffer.from("outside")); // shares the string prefix `${p}`

      const names = async (prefix: string) => (await collect(s.list(prefix))).map((o) => o.key);
      expect(await names(`${p}/a/`)).toEqual([`${p}/a/1`, `${p}/a/2.jpg`]);
      expect(await names(`${p}/a`)).toEqual([`${p}/a/1`, `${p}/a/2.jpg`, `${p}/ab`]);
      expect(await names(`${p}/`)).toEqual(keys);
      expect(await names(`${p}/b/x/y`)).toEqual([`${p}/b/x/y`]);
      expect(await names(`${p}/zzz`)).toEqual([]);
      expect(await names(`${p}/zzz/`)).toEqual([]);
      expect(await names(p)).toEqual([...keys, `${p}x/other`]);

      const listed = await collect(s.list(`${p}/`));
      expect(listed.map((o) => o.size)).toEqual([1, 2, 3, 4]);
      for (const o of listed) expect(o.modifiedAt).toBeInstanceOf(Date);
    });

    // s3rver cannot serve a second page on Node >= 17 (its continuation tokens
    // use DES, which OpenSSL 3 no longer offers): S3 paging is tested with a
    // stubbed client in s3.test.ts.
    it.skipIf(name.startsWith("S3"))("list pages through more objects than one page", async () => {
      const p = ns();
      const keys = Array.from({ length: 1005 }, (_, i) => `${p}/k${String(i).padStart(4, "0")}`);
      for (let i = 0; i < keys.length; i += 50) {
        await Promise.all(keys.slice(i, i + 50).map((k) => s.put(k, Buffer.from("z"))));
      }
      expect((await collect(s.list(`${p}/`))).map((o) => o.key)).toEqual(keys);
    }, 120_000);

    for (const cutAt of [3 * MB, 10 * MB]) {
      it(`a put whose source fails after ${cutAt / MB} MB rejects with that error and leaves nothing`, async () => {
        const p = ns();
        const key = `${p}/cut.bin`;
        const error = new Error("cut");
        await expect(s.put(key, failingStream(cutAt, error))).rejects.toBe(error);
        expect(await s.stat(key)).toBeNull();
        expect(await s.get(key)).toBeNull();
        expect(await collect(s.list(p))).toEqual([]);
        await d.assertNothingLeft(p);
      });
    }

    it("a failed put over an existing key leaves the old object intact", async () => {
      const key = `${ns()}/keep`;
      const old = randomBytes(5000);
      await s.put(key, old);
      await expect(s.put(key, failingStream(1 * MB, new Error("cut")))).rejects.toThrow("cut");
      expect((await readAll((await s.get(key))!.body)).equals(old)).toBe(true);
    });

    it("an unfinished put is not visible to readers", async () => {
      const key = `${ns()}/slow`;
      const src = new PassThrough();
      const done = s.put(key, src);
      src.write(randomBytes(MB));
      await new Promise((r) => setTimeout(r, 100));
      expect(await s.stat(key)).toBeNull();
      expect(await s.get(key)).toBeNull();
      src.end(randomBytes(10));
      expect(await done).toEqual({ size: MB + 10 });
      expect((await s.stat(key))?.size).toBe(MB + 10);
    });

    it("every operation refuses an invalid key", async () => {
      for (const bad of ["../x", "a/../b", "/abs", "A"]) {
        await expect(s.put(bad, Buffer.from("x"))).rejects.toThrow(/invalid storage key/);
        await expect(s.get(bad)).rejects.toThrow(/invalid storage key/);
        await expect(s.stat(bad)).rejects.toThrow(/invalid storage key/);
        await expect(s.delete(bad)).rejects.toThrow(/invalid storage key/);
        await expect(s.move(bad, "ok/key")).rejects.toThrow(/invalid storage key/);
        await expect(s.move("ok/key", bad)).rejects.toThrow(/invalid storage key/);
      }
      await expect(collect(s.list("../"))).rejects.toThrow(/invalid storage key/);
      await expect(collect(s.list("/"))).rejects.toThrow(/invalid storage key/);
    });
  });
}
