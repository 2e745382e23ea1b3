// Media files for tests, made on the fly (images, WAV, hostile inputs) or
// read from e2e/fixtures/media (MP3, MP4, WebM… made once with ffmpeg, see
// the README there), so tests need neither ffmpeg nor network.
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import sharp, { type Sharp } from "sharp";

const MEDIA_DIR = fileURLToPath(new URL("../../e2e/fixtures/media/", import.meta.url));

/** Absolute path of a committed fixture, e.g. fixturePath("tone.mp3"). */
export function fixturePath(name: string): string {
  return MEDIA_DIR + name;
}

// Written into every generated JPEG so tests can prove it never survives.
const GPS_EXIF = {
  IFD0: { Make: "Kongjian", Model: "Fixture Camera" },
  IFD3: { GPSLatitudeRef: "N", GPSLatitude: "39/1 54/1 2700/100", GPSLongitudeRef: "E", GPSLongitude: "116/1 23/1 3000/100" },
};

/** Smooth RGB gradient: cheap to make at any size and compresses like a photo, not like noise. */
function gradient(width: number, height: number): Sharp {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i += 3) {
      data[i] = (x * 255) / width;
      data[i + 1] = (y * 255) / height;
      data[i + 2] = ((x + y) * 127) / (width + height);
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } });
}

/** A JPEG with EXIF that includes a GPS IFD, optionally with an EXIF orientation (1–8). */
export async function jpeg({ width, height, orientation }: { width: number; height: number; orientation?: number }): Promise<Buffer> {
  // withMetadata, not withExif: libvips rewrites Orientation from its own
  // field, so an Orientation inside withExif is silently replaced by 1.
  return gradient(width, height)
    .jpeg({ quality: 85 })
    .withMetadata({ ...(orientation ? { orientation } : {}), exif: GPS_EXIF })
    .toBuffer();
}

export async function png({ width, height }: { width: number; height: number }): Promise<Buffer> {
  return gradient(width, height).png().toBuffer();
}

export async function webp({ width, height }: { width: number; height: number }): Promise<Buffer> {
  return gradient(width, height).webp().toBuffer();
}

export async function gif({ width, height }: { width: number; height: number }): Promise<Buffer> {
  return gradient(width, height).gif().toBuffer();
}

export async function avif({ width, height }: { width: number; height: number }): Promise<Buffer> {
  return gradient(width, height).avif({ effort: 0 }).toBuffer();
}

const HTML = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>\n";

/** An HTML page as someone would upload it named evil.jpg. */
export function htmlRenamedJpg(): Buffer {
  return Buffer.from(HTML);
}

/** A valid JPEG with an HTML page after its end marker: decodes fine, sniffs as JPEG. */
export async function jpegWithHtmlAppended(): Promise<Buffer> {
  return Buffer.concat([await jpeg({ width: 64, height: 48 }), Buffer.from(HTML)]);
}

export function svgWithScript(): Buffer {
  return Buffer.from(
    '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)">' +
      "<script>alert(document.domain)</script><rect width='10' height='10'/></svg>\n",
  );
}

export function emptyFile(): Buffer {
  return Buffer.alloc(0);
}

/** A real 800×600 noisy JPEG cut to half its length: valid header, missing pixel data. */
export async function truncatedJpeg(): Promise<Buffer> {
  const [width, height] = [800, 600];
  const full = await sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
  return full.subarray(0, Math.floor(full.length / 2));
}

// CRC-32 (ISO-HDLC, as PNG chunks use), so the bomb's IHDR passes the decoder's checks.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A decompression-bomb stand-in: a ~60-byte PNG whose IHDR (with a correct
 * CRC) declares width × height RGB pixels, followed by a token IDAT. Only a
 * decoder that trusts the header before decoding refuses it cheaply.
 */
export function pngDeclaring(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(2, 9); // colour type: truecolour
  // compression, filter and interlace methods: 0
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const idat = Buffer.from([0x78, 0x9c, 0x63, 0x00, 0x00]); // a zlib stream that ends far too early
  return Buffer.concat([signature, pngChunk("IHDR", ihdr), pngChunk("IDAT", idat), pngChunk("IEND", Buffer.alloc(0))]);
}

/**
 * A 16-bit mono PCM WAV of a 440 Hz tone at 8 kHz, written by hand, with
 * optional UTF-8 title/artist in an "id3 " chunk (ID3v2.4, as Picard and
 * foobar2000 store them; RIFF INFO would be read as Latin-1).
 */
export function wav({ seconds, title, artist }: { seconds: number; title?: string; artist?: string }): Buffer {
  const rate = 8000;
  const samples = Math.round(seconds * rate);
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0); // PCM
  fmt.writeUInt16LE(1, 2); // mono
  fmt.writeUInt32LE(rate, 4);
  fmt.writeUInt32LE(rate * 2, 8); // byte rate
  fmt.writeUInt16LE(2, 12); // block align
  fmt.writeUInt16LE(16, 14); // bits per sample
  const pcm = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) pcm.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 12000), i * 2);
  const frames = [id3Frame("TIT2", title), id3Frame("TPE1", artist)].filter((f): f is Buffer => f !== null);
  const tag = frames.length ? [riffChunk("id3 ", Buffer.concat([id3Header(frames), ...frames]))] : [];
  return riffChunk("RIFF", Buffer.concat([Buffer.from("WAVE"), riffChunk("fmt ", fmt), riffChunk("data", pcm), ...tag]));
}

/** ID3v2.4 sizes are "syncsafe": 7 bits per byte. */
function syncsafe(n: number): Buffer {
  return Buffer.from([(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f]);
}

function id3Header(frames: Buffer[]): Buffer {
  const size = frames.reduce((sum, f) => sum + f.length, 0);
  return Buffer.concat([Buffer.from("ID3"), Buffer.from([4, 0, 0]), syncsafe(size)]);
}

/** A text frame: id, size, no flags, encoding byte 3 (UTF-8), text. */
function id3Frame(id: string, text: string | undefined): Buffer | null {
  if (text === undefined) return null;
  const body = Buffer.concat([Buffer.from([3]), Buffer.from(text, "utf8")]);
  return Buffer.concat([Buffer.from(id, "latin1"), syncsafe(body.length), Buffer.from([0, 0]), body]);
}

/** id, little-endian size, data, and a pad byte when the size is odd (RIFF rule). */
function riffChunk(id: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(id, 0, "latin1");
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

/** Whether an EXIF block (as sharp's metadata().exif returns it) has a GPS IFD pointer (tag 0x8825) in IFD0. */
export function exifHasGps(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  // sharp returns the APP1 payload: "Exif\0\0" then a TIFF header.
  const tiff = exif.subarray(0, 6).toString("latin1") === "Exif\0\0" ? exif.subarray(6) : exif;
  if (tiff.length < 8) return false;
  const le = tiff.toString("latin1", 0, 2) === "II";
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd0 = u32(4);
  if (ifd0 + 2 > tiff.length) return false;
  const count = u16(ifd0);
  for (let i = 0; i < count; i++) {
    const entry = ifd0 + 2 + i * 12;
    if (entry + 12 > tiff.length) return false;
    if (u16(entry) === 0x8825) return true;
  }
  return false;
}
