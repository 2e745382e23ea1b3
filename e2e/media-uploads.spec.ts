import http from "node:http";
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { test, expect, newMember } from "./fixtures";
import type { BrowserContext } from "@playwright/test";

// The upload route and the media route over real HTTP (next start): limits
// enforced while receiving, only the bytes decide the type, and a file's URL
// answers a stranger exactly like a missing one.

async function cookieHeader(context: BrowserContext, baseURL: string) {
  return (await context.cookies(baseURL)).map((c) => `${c.name}=${c.value}`).join("; ");
}

const png = (w: number, h: number) => sharp({ create: { width: w, height: h, channels: 3, background: "#3b82f6" } }).png().toBuffer();

test("a declared size over the limit is answered 413 before the body is sent", async ({ browser, baseURL }) => {
  const a = await newMember(browser, baseURL!, "big");
  const cookie = await cookieHeader(a.context, baseURL!);
  const declared = 300 * 1024 * 1024;
  let written = 0;
  const status = await new Promise<number>((resolve, reject) => {
    const req = http.request(`${baseURL}/api/uploads?purpose=video&name=huge.mp4&clientKey=${randomUUID()}`, {
      method: "POST",
      headers: { cookie, "content-type": "application/octet-stream", "content-length": String(declared) },
    });
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on("error", (err) => (written < declared ? undefined : reject(err)));
    // Send one megabyte, then wait: the answer must come without the rest.
    const chunk = Buffer.alloc(1024 * 1024);
    req.write(chunk, () => (written += chunk.length));
  });
  expect(status).toBe(413);
  expect(written).toBeLessThanOrEqual(1024 * 1024);
  await a.context.close();
});

test("only the bytes decide: refused files say why, in the user's language", async ({ browser, baseURL }) => {
  const a = await newMember(browser, baseURL!, "bytes");
  const up = (purpose: string, name: string, data: Buffer) =>
    a.context.request.post(`/api/uploads?purpose=${purpose}&name=${encodeURIComponent(name)}&clientKey=${randomUUID()}`, { data, headers: { "content-type": "image/jpeg" } });
  const html = Buffer.from("<!doctype html><html><script>alert(1)</script></html>");
  const cases: [string, Buffer, number, string][] = [
    ["evil.jpg", html, 415, "fileUnsupported"],
    ["drawing.svg", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 415, "fileUnsupported"],
    ["empty.jpg", Buffer.alloc(0), 422, "fileEmpty"],
  ];
  for (const [name, data, status, message] of cases) {
    const res = await up("inline", name, data);
    expect(res.status(), name).toBe(status);
    expect(await res.json()).toMatchObject({ message, field: "file" });
  }
  // An image is fine as an image and refused as a song.
  const image = await png(40, 30);
  expect((await up("audio", "song.mp3", image)).status()).toBe(415);
  const ok = await up("inline", "fine.png", image);
  expect(ok.status(), await ok.text()).toBe(200);
  await a.context.close();
});

test("media URLs: the owner gets the file with nosniff, a stranger the same 404 as a missing id", async ({ browser, baseURL }) => {
  const [a, c] = await Promise.all([newMember(browser, baseURL!, "owner"), newMember(browser, baseURL!, "stranger")]);
  // An unattached upload is its owner's alone.
  const res = await a.context.request.post(`/api/uploads?purpose=inline&name=p.png&clientKey=${randomUUID()}`, { data: await png(300, 200) });
  expect(res.status()).toBe(200);
  const { media } = await res.json();
  await expect(async () => {
    const s = await a.context.request.get(`/api/media/${media.id}`);
    expect((await s.json()).status).toBe("READY");
  }).toPass({ timeout: 30_000 });
  for (const variant of ["original", "display", "thumb"]) {
    const mine = await a.context.request.get(`/media/${media.id}/${variant}`);
    expect(mine.status(), variant).toBe(200);
    expect(mine.headers()["x-content-type-options"]).toBe("nosniff");
    expect(mine.headers()["cache-control"]).toMatch(/^private/);
    expect(mine.headers()["content-type"]).toMatch(/^image\/(webp|jpeg)$/);
    const theirs = await c.context.request.get(`/media/${media.id}/${variant}`);
    const missing = await c.context.request.get(`/media/2147483000/${variant}`);
    expect(theirs.status()).toBe(404);
    expect(missing.status()).toBe(404);
    expect((await theirs.body()).equals(await missing.body())).toBe(true);
    const anonymous = await (await browser.newContext()).request.get(`${baseURL}/media/${media.id}/${variant}`);
    expect(anonymous.status()).toBe(404);
  }
  // The status endpoint is guarded the same way.
  expect((await c.context.request.get(`/api/media/${media.id}`)).status()).toBe(404);
  await Promise.all([a.context.close(), c.context.close()]);
});
