// The pure media functions of the upload pipeline, against real files:
// generated images and WAVs, committed ffmpeg-made MP3/MP4/WebM, and hostile
// inputs (HTML as .jpg, SVG with script, pixel bombs, truncated JPEGs).
import { mkdtemp, open, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as fx from "@/test/media-fixtures";
import { readAudioTags } from "./audio";
import { MediaRejected, type RejectReason } from "./errors";
import { inspectImage, placeholderDataUrl, renderImageVariants } from "./image";
import { DISPLAY_SIZE, THUMB_SIZE, type MediaKind } from "./limits";
import { SNIFF_BYTES, sniffType } from "./sniff";
import { ffmpegAvailable, posterFrame, probeVideo, resetFfmpegCacheForTests } from "./video";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "kongjian-media-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes bytes to a temp file (no extension, like the upload temp files) and returns its path. */
let seq = 0;
async function tempFile(bytes: Buffer): Promise<string> {
  const file = path.join(dir, `upload-${++seq}`);
  await writeFile(file, bytes);
  return file;
}

/** The first SNIFF_BYTES of a committed fixture, as the upload route passes them. */
async function head(name: string): Promise<Buffer> {
  const handle = await open(fx.fixturePath(name));
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function rejection(promise: Promise<unknown>): Promise<RejectReason> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MediaRejected);
  return (error as MediaRejected).reason;
}

const isJpeg = (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b.at(-2) === 0xff && b.at(-1) === 0xd9;
const isWebp = (b: Buffer) => b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WEBP";
const isPng = (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

describe("sniffType", () => {
  it.each([
    ["jpeg", () => fx.jpeg({ width: 32, height: 24 }), { mime: "image/jpeg", ext: "jpg" }],
    ["png", () => fx.png({ width: 32, height: 24 }), { mime: "image/png", ext: "png" }],
    ["webp", () => fx.webp({ width: 32, height: 24 }), { mime: "image/webp", ext: "webp" }],
    ["gif", () => fx.gif({ width: 32, height: 24 }), { mime: "image/gif", ext: "gif" }],
    ["avif", () => fx.avif({ width: 32, height: 24 }), { mime: "image/avif", ext: "avif" }],
  ])("recognises a %s image from its first bytes", async (_name, make, expected) => {
    const bytes = await make();
    expect(await sniffType(bytes.subarray(0, SNIFF_BYTES), "image")).toEqual(expected);
  });

  it.each([
    ["tone.mp3", "audio", { mime: "audio/mpeg", ext: "mp3" }],
    // The ID3 tag with the cover runs past the first 4100 bytes.
    ["tone-cover.mp3", "audio", { mime: "audio/mpeg", ext: "mp3" }],
    ["tone.m4a", "audio", { mime: "audio/mp4", ext: "m4a" }],
    ["tone.aac", "audio", { mime: "audio/aac", ext: "aac" }],
    ["tone.ogg", "audio", { mime: "audio/ogg", ext: "opus" }],
    ["tone.flac", "audio", { mime: "audio/flac", ext: "flac" }],
    ["clip.mp4", "video", { mime: "video/mp4", ext: "mp4" }],
    ["clip.webm", "video", { mime: "video/webm", ext: "webm" }],
    ["clip.mov", "video", { mime: "video/quicktime", ext: "mov" }],
  ] as const)("recognises %s as %s", async (name, kind: MediaKind, expected) => {
    expect(await sniffType(await head(name), kind)).toEqual(expected);
  });

  it("recognises a hand-made PCM WAV", async () => {
    expect(await sniffType(fx.wav({ seconds: 1 }), "audio")).toEqual({ mime: "audio/wav", ext: "wav" });
  });

  it("accepts an MP4 with a generic major brand as audio when it declares the M4A brand", async () => {
    const m4a = Buffer.from(await head("tone.m4a"));
    m4a.write("isom", 8, "latin1"); // major brand; "M4A " stays among the compatible brands
    expect(await sniffType(m4a, "audio")).toEqual({ mime: "audio/mp4", ext: "m4a" });
  });

  it("refuses an empty file as empty", async () => {
    expect(await rejection(sniffType(fx.emptyFile(), "image"))).toBe("empty");
  });

  it.each([
    ["HTML renamed .jpg", () => fx.htmlRenamedJpg()],
    ["SVG with a script", () => fx.svgWithScript()],
    ["PDF", () => Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n")],
    ["zip", () => Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, ...Array(40).fill(0)])],
    ["plain text", () => Buffer.from("just some text, nothing to see")],
    ["random bytes", () => Buffer.alloc(64, 7)],
  ])("refuses %s as an image", async (_name, make) => {
    expect(await rejection(sniffType(make(), "image"))).toBe("unsupportedType");
  });

  it.each([
    ["tone.mp3", "image"],
    ["clip.mp4", "image"],
    ["clip.mp4", "audio"],
    ["tone.m4a", "video"],
    ["tone.mp3", "video"],
    ["clip.webm", "audio"],
  ] as const)("refuses %s when a %s was expected", async (name, kind: MediaKind) => {
    expect(await rejection(sniffType(await head(name), kind))).toBe("unsupportedType");
  });

  it("refuses an image where audio or video was expected", async () => {
    const jpg = await fx.jpeg({ width: 16, height: 16 });
    expect(await rejection(sniffType(jpg, "audio"))).toBe("unsupportedType");
    expect(await rejection(sniffType(jpg, "video"))).toBe("unsupportedType");
  });
});

describe("inspectImage", () => {
  it("gives the size and a ThumbHash placeholder that becomes a PNG data URL", async () => {
    const result = await inspectImage(await fx.jpeg({ width: 320, height: 240 }));
    expect(result.width).toBe(320);
    expect(result.height).toBe(240);
    expect(result.placeholder).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(result.placeholder, "base64").length).toBeGreaterThan(4);
    const url = placeholderDataUrl(result.placeholder);
    expect(url).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    expect(isPng(Buffer.from(url.split(",")[1]!, "base64"))).toBe(true);
  });

  it.each([
    ["png", fx.png],
    ["webp", fx.webp],
    ["gif", fx.gif],
    ["avif", fx.avif],
  ])("decodes a %s and renders it (WebP renditions, a JPEG or WebP full-size copy)", async (_name, make) => {
    const bytes = await make({ width: 90, height: 60 });
    expect(await inspectImage(bytes)).toMatchObject({ width: 90, height: 60 });
    const out = await renderImageVariants(bytes);
    expect(out).toMatchObject({ width: 90, height: 60 });
    expect(out.originalMime === "image/jpeg" ? isJpeg(out.original) : isWebp(out.original)).toBe(true);
    expect(isWebp(out.display) && isWebp(out.thumb)).toBe(true);
  });

  it("reads from a file path too", async () => {
    const file = await tempFile(await fx.png({ width: 50, height: 70 }));
    expect(await inspectImage(file)).toMatchObject({ width: 50, height: 70 });
  });

  it("reports the size after EXIF orientation", async () => {
    const input = await fx.jpeg({ width: 400, height: 200, orientation: 6 });
    expect((await sharp(input).metadata()).orientation).toBe(6);
    expect(await inspectImage(input)).toMatchObject({ width: 200, height: 400 });
  });

  it("refuses a tiny PNG declaring 20000×20000 pixels as tooManyPixels", async () => {
    const bomb = fx.pngDeclaring(20000, 20000);
    expect(bomb.length).toBeLessThan(100);
    expect(await rejection(inspectImage(bomb))).toBe("tooManyPixels");
    expect(await rejection(renderImageVariants(bomb))).toBe("tooManyPixels");
  });

  it("refuses a JPEG cut in half as unreadable", async () => {
    const truncated = await fx.truncatedJpeg();
    // Still looks like a JPEG to the sniffer and the header reader.
    expect(await sniffType(truncated, "image")).toEqual({ mime: "image/jpeg", ext: "jpg" });
    expect((await sharp(truncated).metadata()).width).toBe(800);
    expect(await rejection(inspectImage(truncated))).toBe("unreadable");
    expect(await rejection(renderImageVariants(truncated))).toBe("unreadable");
  });

  it("refuses SVG even when called without sniffing first, and garbage as unreadable", async () => {
    expect(await rejection(inspectImage(fx.svgWithScript()))).toBe("unsupportedType");
    expect(await rejection(renderImageVariants(fx.svgWithScript()))).toBe("unsupportedType");
    expect(await rejection(inspectImage(fx.htmlRenamedJpg()))).toBe("unreadable");
  });

  it("accepts a JPEG with HTML appended (the bytes are valid JPEG; the renditions drop the rest)", async () => {
    expect(await inspectImage(await fx.jpegWithHtmlAppended())).toMatchObject({ width: 64, height: 48 });
  });
});

describe("renderImageVariants", () => {
  it("re-encodes a JPEG with HTML appended to WebP renditions without the HTML", async () => {
    const input = await fx.jpegWithHtmlAppended();
    expect(input.includes("<script")).toBe(true);
    const out = await renderImageVariants(input);
    expect(out.originalMime).toBe("image/jpeg");
    expect(isJpeg(out.original)).toBe(true);
    for (const b of [out.original, out.display, out.thumb]) {
      if (b !== out.original) expect(isWebp(b)).toBe(true);
      expect(b.includes("<html")).toBe(false);
      expect(b.includes("<script")).toBe(false);
    }
    expect(out).toMatchObject({ width: 64, height: 48 });
  });

  it("applies EXIF orientation 6 and drops the tag", async () => {
    const out = await renderImageVariants(await fx.jpeg({ width: 400, height: 200, orientation: 6 }));
    expect(out).toMatchObject({ width: 200, height: 400 });
    const display = await sharp(out.display).metadata();
    expect([display.width, display.height, display.orientation]).toEqual([200, 400, undefined]);
  });

  it("drops EXIF, GPS included, from every rendition", async () => {
    const input = await fx.jpeg({ width: 300, height: 200 });
    expect(fx.exifHasGps((await sharp(input).metadata()).exif)).toBe(true);
    const out = await renderImageVariants(input);
    for (const b of [out.original, out.display, out.thumb]) {
      const meta = await sharp(b).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(fx.exifHasGps(meta.exif)).toBe(false);
    }
  });

  it("keeps the original full size and fits display in 2048 and thumb in 400", async () => {
    const out = await renderImageVariants(await fx.jpeg({ width: 3000, height: 2000 }));
    expect(out).toMatchObject({ width: 3000, height: 2000 });
    const [original, display, thumb] = await Promise.all([out.original, out.display, out.thumb].map((b) => sharp(b).metadata()));
    expect([original!.width, original!.height]).toEqual([3000, 2000]);
    expect([display!.width, display!.height]).toEqual([DISPLAY_SIZE, 1365]);
    expect([thumb!.width, thumb!.height]).toEqual([THUMB_SIZE, 267]);
    expect(out.thumb.length).toBeLessThan(out.display.length);
  });

  it("never enlarges a small image", async () => {
    const out = await renderImageVariants(await fx.png({ width: 120, height: 90 }));
    for (const b of [out.original, out.display, out.thumb]) {
      expect(await sharp(b).metadata()).toMatchObject({ width: 120, height: 90, format: b === out.original ? "jpeg" : "webp" });
    }
  });

  it("crops a square from the oriented image for avatars", async () => {
    const out = await renderImageVariants(await fx.jpeg({ width: 3000, height: 2000 }), { crop: { left: 0.25, top: 0, size: 1 } });
    expect(out).toMatchObject({ width: 2000, height: 2000 });
    expect(await sharp(out.thumb).metadata()).toMatchObject({ width: THUMB_SIZE, height: THUMB_SIZE });

    // Orientation 6 turns 400×200 into 200×400: the crop fractions refer to the latter.
    const rotated = await renderImageVariants(await fx.jpeg({ width: 400, height: 200, orientation: 6 }), {
      crop: { left: 0, top: 0.5, size: 0.5 },
    });
    expect(rotated).toMatchObject({ width: 100, height: 100 });
  });

  it("clamps a crop that runs off the image", async () => {
    const out = await renderImageVariants(await fx.png({ width: 300, height: 200 }), { crop: { left: 0.9, top: 0.9, size: 2 } });
    expect(out).toMatchObject({ width: 200, height: 200 });
  });

  it("renders from a file path", async () => {
    const out = await renderImageVariants(await tempFile(await fx.png({ width: 40, height: 30 })));
    expect(out).toMatchObject({ width: 40, height: 30 });
  });
});

describe("placeholderDataUrl", () => {
  it("is empty for a hash that is not one", () => {
    expect(placeholderDataUrl("")).toBe("");
    expect(placeholderDataUrl("not base64!!")).toBe("");
  });
});

describe("readAudioTags", () => {
  it("reads title, artist, album and duration from an MP3", async () => {
    const tags = await readAudioTags(fx.fixturePath("tone.mp3"));
    expect(tags).toMatchObject({ title: "Test Tone", artist: "Kongjian Band", album: "Fixtures", cover: null });
    expect(tags.durationMs).toBeGreaterThan(1900);
    expect(tags.durationMs).toBeLessThan(2100);
  });

  it("returns the embedded cover, which is a real image", async () => {
    const tags = await readAudioTags(fx.fixturePath("tone-cover.mp3"));
    expect(tags.title).toBe("Covered Tone");
    expect(tags.cover?.mime).toBe("image/jpeg");
    expect(await sniffType(tags.cover!.data, "image")).toEqual({ mime: "image/jpeg", ext: "jpg" });
    expect(await inspectImage(tags.cover!.data)).toMatchObject({ width: 64, height: 64 });
  });

  it("reads an M4A and a WAV without tags", async () => {
    const m4a = await readAudioTags(fx.fixturePath("tone.m4a"));
    expect(m4a.title).toBe("Test Tone");
    expect(m4a.durationMs).toBeGreaterThan(1900);
    expect(m4a.durationMs).toBeLessThan(2100);

    const plain = await readAudioTags(await tempFile(fx.wav({ seconds: 1.5 })));
    expect(plain).toEqual({ title: null, artist: null, album: null, durationMs: 1500, cover: null });
  });

  it("strips control and bidi-override characters and trims to 200 characters", async () => {
    const file = await tempFile(fx.wav({ seconds: 0.5, title: "\u202Egnp.exe\u202C Song\u0007\u2066x\u2069", artist: "汉".repeat(300) }));
    const tags = await readAudioTags(file);
    expect(tags.title).toBe("gnp.exe Songx");
    expect(tags.artist).toBe("汉".repeat(200));
    expect(tags.durationMs).toBe(500);
  });

  it("returns nulls for a file it cannot parse", async () => {
    expect(await readAudioTags(await tempFile(Buffer.from("not audio at all")))).toEqual({
      title: null,
      artist: null,
      album: null,
      durationMs: null,
      cover: null,
    });
    expect((await readAudioTags(path.join(dir, "missing"))).title).toBeNull();
  });
});

describe("video", () => {
  const saved = { MEDIA_FFMPEG: process.env.MEDIA_FFMPEG, FFPROBE_PATH: process.env.FFPROBE_PATH };
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetFfmpegCacheForTests();
  });

  it("probes duration and size and extracts a PNG poster when ffmpeg is available", async () => {
    const mp4 = fx.fixturePath("clip.mp4");
    if (await ffmpegAvailable()) {
      const probe = await probeVideo(mp4);
      expect(probe).toMatchObject({ width: 320, height: 240 });
      expect(probe.durationMs).toBeGreaterThan(2900);
      expect(probe.durationMs).toBeLessThan(3100);
      expect((await probeVideo(fx.fixturePath("clip.webm"))).durationMs).toBeGreaterThan(2900);

      const poster = await posterFrame(mp4);
      expect(poster && isPng(poster)).toBe(true);
      expect(await renderImageVariants(poster!)).toMatchObject({ width: 320, height: 240 });
      // A 1 s clip: the frame comes from 0 s.
      expect(isPng((await posterFrame(fx.fixturePath("clip.mov")))!)).toBe(true);
      // Not a video: no poster, no probe, no throw.
      const junk = await tempFile(Buffer.from("junk"));
      expect(await posterFrame(junk)).toBeNull();
      expect(await probeVideo(junk)).toEqual({ durationMs: null, width: null, height: null });
    } else {
      expect(await probeVideo(mp4)).toEqual({ durationMs: null, width: null, height: null });
      expect(await posterFrame(mp4)).toBeNull();
    }
  });

  it("treats ffmpeg as unavailable with MEDIA_FFMPEG=off, and returns nulls", async () => {
    process.env.MEDIA_FFMPEG = "off";
    resetFfmpegCacheForTests();
    expect(await ffmpegAvailable()).toBe(false);
    expect(await probeVideo(fx.fixturePath("clip.mp4"))).toEqual({ durationMs: null, width: null, height: null });
    expect(await posterFrame(fx.fixturePath("clip.mp4"))).toBeNull();
  });

  it("treats a missing ffprobe binary as unavailable", async () => {
    process.env.FFPROBE_PATH = path.join(dir, "no-such-ffprobe");
    resetFfmpegCacheForTests();
    expect(await ffmpegAvailable()).toBe(false);
  });
});

// Guards the committed fixtures' sizes (the README promises they stay small).
it("keeps committed media fixtures small", async () => {
  for (const name of ["tone.mp3", "tone-cover.mp3", "tone.m4a", "tone.aac", "tone.ogg", "tone.flac", "clip.mp4", "clip.webm", "clip.mov"]) {
    expect((await readFile(fx.fixturePath(name))).length, name).toBeLessThan(150 * 1024);
  }
});
