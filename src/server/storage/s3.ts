// S3-compatible driver (AWS S3, MinIO, R2, ...). Streams are uploaded as
// multipart uploads without being buffered whole; an upload whose source
// fails is aborted, so nothing becomes visible under the key. (An abort that
// itself fails leaves invisible parts behind: give the bucket a lifecycle rule
// "abort incomplete multipart uploads after 1 day".)
import {
  AbortMultipartUploadCommand,
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { Readable } from "node:stream";
import { assertPrefix } from "./local-disk";
import { assertKey, type Storage, type StoredObject } from "./types";

export type S3StorageConfig = {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle?: boolean;
  accessKeyId?: string;
  secretAccessKey?: string;
};

const PART_SIZE = 8 * 1024 * 1024;
const QUEUE_SIZE = 2; // at most ~PART_SIZE * (QUEUE_SIZE + 1) in memory per upload

type AwsError = { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };

function isNotFound(e: unknown): boolean {
  const err = e as AwsError | null;
  if (err?.name === "NoSuchBucket") return false; // a misconfiguration, not a missing object
  return err?.name === "NoSuchKey" || err?.name === "NotFound" || err?.$metadata?.httpStatusCode === 404;
}

function checkRange(range: { start: number; end: number }): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new RangeError(`invalid range ${start}-${end}`);
  }
}

/** The first `n` bytes of `body`; the rest is not read (body is destroyed). */
function firstBytes(body: Readable, n: number): Readable {
  return Readable.from(
    (async function* () {
      let left = n;
      for await (const chunk of body) {
        const buf = chunk as Buffer;
        if (buf.length >= left) {
          yield buf.subarray(0, left);
          return;
        }
        left -= buf.length;
        yield buf;
      }
    })(),
    { objectMode: false },
  );
}

export class S3Storage implements Storage {
  /** Exposed for tests (e.g. to observe the commands sent). */
  readonly client: S3Client;
  private readonly bucket: string;

  constructor(config: S3StorageConfig) {
    this.bucket = config.bucket;
    const options: S3ClientConfig = {
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
    };
    if (config.accessKeyId && config.secretAccessKey) {
      options.credentials = { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey };
    }
    this.client = new S3Client(options);
  }

  async put(key: string, body: Readable | Buffer, opts?: { contentType?: string }): Promise<{ size: number }> {
    assertKey(key);
    const params = { Bucket: this.bucket, Key: key, ContentType: opts?.contentType };
    if (Buffer.isBuffer(body)) {
      await this.client.send(new PutObjectCommand({ ...params, Body: body, ContentLength: body.length }));
      return { size: body.length };
    }

    // Count the bytes, and remember the source's own error: when the source
    // fails, that is the error put must reject with (not, say, a failure of
    // the abort that follows it).
    let size = 0;
    let sourceError: { error: unknown } | null = null;
    const counted = Readable.from(
      (async function* () {
        try {
          for await (const chunk of body) {
            const buf: Buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
            size += buf.length;
            yield buf;
          }
        } catch (e) {
          sourceError = { error: e };
          throw e;
        }
      })(),
    );
    const upload = new Upload({
      client: this.client,
      params: { ...params, Body: counted },
      partSize: PART_SIZE,
      queueSize: QUEUE_SIZE,
      leavePartsOnError: false, // Upload aborts the multipart upload on failure
    });
    try {
      await upload.done();
    } catch (e) {
      counted.destroy(); // stops reading (and destroys) the source if it is still flowing
      if (upload.uploadId) {
        // Upload already sent AbortMultipartUpload; repeat it in case that
        // request failed (a second abort of the same upload is harmless).
        await this.client
          .send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: upload.uploadId }))
          .catch(() => {});
      }
      throw sourceError ? (sourceError as { error: unknown }).error : e;
    }
    return { size };
  }

  async get(key: string, range?: { start: number; end: number }): Promise<{ body: Readable; size: number } | null> {
    assertKey(key);
    if (range) checkRange(range);
    let out;
    try {
      out = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Range: range ? `bytes=${range.start}-${range.end}` : undefined,
        }),
      );
    } catch (e) {
      if (isNotFound(e)) return null;
      if ((e as AwsError).$metadata?.httpStatusCode === 416 || (e as AwsError).name === "InvalidRange") {
        throw new RangeError(`range ${range?.start}-${range?.end} is outside the object ${key}`);
      }
      throw e;
    }
    const body = out.Body as Readable | undefined;
    if (!body) throw new Error(`S3 returned no body for ${key}`);
    // size is always the whole object's (for Content-Range: bytes s-e/size).
    let size = out.ContentLength ?? 0;
    if (range) {
      const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(out.ContentRange ?? "");
      // S3 silently shortens a range that runs past the end; the contract is
      // the exact bytes asked for, so that is an error (as on local disk).
      if (!m || Number(m[1]) !== range.start || Number(m[2]) < range.end) {
        body.destroy();
        throw new RangeError(`range ${range.start}-${range.end} is outside the object ${key} (${out.ContentRange})`);
      }
      size = Number(m[3]);
      // Some S3-compatible servers send more than asked (s3rver reads
      // "bytes=0-0" as "bytes=0-"): pass on exactly the requested bytes.
      if (Number(m[2]) > range.end) return { body: firstBytes(body, range.end - range.start + 1), size };
    }
    return { body, size };
  }

  async stat(key: string): Promise<{ size: number; modifiedAt: Date } | null> {
    assertKey(key);
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: out.ContentLength ?? 0, modifiedAt: out.LastModified ?? new Date(0) };
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    assertKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  async move(from: string, to: string): Promise<void> {
    assertKey(from);
    assertKey(to);
    if (from === to) {
      // Copying onto itself is refused by S3, and copy-then-delete would lose it.
      if (!(await this.stat(from))) throw new Error(`cannot move missing object ${from}`);
      return;
    }
    // Keys are [a-z0-9_.-/] only, so the copy source needs no escaping.
    // (CopyObject handles objects up to 5 GB.)
    await this.client.send(new CopyObjectCommand({ Bucket: this.bucket, Key: to, CopySource: `${this.bucket}/${from}` }));
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: from }));
  }

  async *list(prefix: string): AsyncIterable<StoredObject> {
    assertPrefix(prefix);
    let token: string | undefined;
    do {
      const out = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const o of out.Contents ?? []) {
        if (o.Key === undefined) continue;
        yield { key: o.Key, size: o.Size ?? 0, modifiedAt: o.LastModified ?? new Date(0) };
      }
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
  }
}
