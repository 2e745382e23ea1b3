// S3Storage against a real (in-process) s3rver: the storage contract, then
// what only the S3 driver does (multipart uploads, paged listings).
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3Storage } from "./s3";
import { describeStorageContract } from "./storage-contract";
import { collect, failingStream, MB, readAll, streamOf } from "./test-streams";

// s3rver ships no type declarations; this is the part of it the tests use.
type S3rverServer = { run(): Promise<AddressInfo>; close(): Promise<void> };
type S3rverCtor = new (options: {
  port: number;
  address: string;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
}) => S3rverServer;
const S3rver = createRequire(import.meta.url)("s3rver") as S3rverCtor;

const BUCKET = "kongjian-test";

/** An s3rver on a free port with the test bucket, and an S3Storage that talks to it. */
async function startS3rver(): Promise<{ s3: S3Storage; stop(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "kongjian-s3rver-"));
  const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: dir, configureBuckets: [{ name: BUCKET }] });
  const { port } = await server.run();
  const s3 = new S3Storage({
    bucket: BUCKET,
    region: "us-east-1",
    endpoint: `http://127.0.0.1:${port}`,
    forcePathStyle: true,
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
  });
  return {
    s3,
    async stop() {
      s3.client.destroy();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

describeStorageContract("S3Storage (s3rver)", async () => {
  const { s3, stop } = await startS3rver();
  return {
    storage: s3,
    async assertNothingLeft() {
      // Listing (above) already shows no object; multipart leftovers are
      // invisible by design (see the S3-specific test below).
    },
    cleanup: stop,
  };
});

describe("S3Storage specifics", () => {
  let stop: () => Promise<void>;
  let s: S3Storage;
  const sent: string[] = [];
  beforeAll(async () => {
    ({ s3: s, stop } = await startS3rver());
    s.client.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push(context.commandName ?? "?");
        return next(args);
      },
      { step: "initialize", name: "recordCommands" },
    );
  });
  afterAll(async () => {
    await stop();
  });

  it("uploads a large stream as a multipart upload in 8 MB parts", async () => {
    sent.length = 0;
    const data = randomBytes(20 * MB);
    await s.put("mp/big", streamOf(data));
    expect(sent.filter((c) => c === "CreateMultipartUploadCommand")).toHaveLength(1);
    expect(sent.filter((c) => c === "UploadPartCommand")).toHaveLength(3);
    expect(sent).toContain("CompleteMultipartUploadCommand");
    expect((await readAll((await s.get("mp/big"))!.body)).equals(data)).toBe(true);
  });

  it("aborts the multipart upload when the source fails mid-way", async () => {
    sent.length = 0;
    const error = new Error("cut");
    await expect(s.put("mp/cut", failingStream(10 * MB, error))).rejects.toBe(error);
    expect(sent).toContain("CreateMultipartUploadCommand");
    expect(sent).toContain("AbortMultipartUploadCommand");
    expect(sent).not.toContain("CompleteMultipartUploadCommand");
    expect(await s.stat("mp/cut")).toBeNull();
  });

  it("list follows continuation tokens across pages", async () => {
    const stubbed = new S3Storage({ bucket: BUCKET, region: "us-east-1", accessKeyId: "x", secretAccessKey: "y" });
    const tokens: (string | undefined)[] = [];
    const pages = [
      { Contents: [{ Key: "p/1", Size: 1, LastModified: new Date(1000) }], IsTruncated: true, NextContinuationToken: "t1" },
      { Contents: [{ Key: "p/2", Size: 2, LastModified: new Date(2000) }], IsTruncated: true, NextContinuationToken: "t2" },
      { Contents: [{ Key: "p/3", Size: 3, LastModified: new Date(3000) }], IsTruncated: false },
    ];
    stubbed.client.middlewareStack.add(
      () => async (args) => {
        const input = args.input as { Prefix?: string; ContinuationToken?: string };
        expect(input.Prefix).toBe("p/");
        tokens.push(input.ContinuationToken);
        return { output: { ...pages[tokens.length - 1]!, $metadata: {} }, response: {} };
      },
      { step: "initialize", name: "fakeListPages" },
    );
    expect(await collect(stubbed.list("p/"))).toEqual([
      { key: "p/1", size: 1, modifiedAt: new Date(1000) },
      { key: "p/2", size: 2, modifiedAt: new Date(2000) },
      { key: "p/3", size: 3, modifiedAt: new Date(3000) },
    ]);
    expect(tokens).toEqual([undefined, "t1", "t2"]);
  });

  it("does not start a multipart upload for a small stream", async () => {
    sent.length = 0;
    await s.put("mp/small", streamOf(randomBytes(1000)));
    expect(sent).toEqual(["PutObjectCommand"]);
  });
});
