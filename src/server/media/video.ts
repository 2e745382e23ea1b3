import "server-only";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

// ffmpeg is optional: without it videos are stored and played as uploaded,
// just without duration, dimensions or a poster. Always execFile with an
// argument array (no shell), a timeout and an output cap.
const run = promisify(execFile);
const TIMEOUT_MS = 30_000;
// A poster is scaled to at most 2048 px before PNG encoding, so even a
// noisy frame stays far below this.
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
const POSTER_MAX_SIDE = 2048;

const ffmpegPath = () => process.env.FFMPEG_PATH || "ffmpeg";
const ffprobePath = () => process.env.FFPROBE_PATH || "ffprobe";
const execOptions = { timeout: TIMEOUT_MS, killSignal: "SIGKILL", maxBuffer: MAX_OUTPUT_BYTES, windowsHide: true } as const;

// "file:" stops ffmpeg reading the path as a protocol URL or option, and the
// whitelist keeps any demuxer from opening network or other protocols.
const inputArgs = (file: string) => ["-protocol_whitelist", "file", "-i", `file:${path.resolve(file)}`];

let available: Promise<boolean> | null = null;

/** Whether ffprobe and ffmpeg run here. Checked once per process; MEDIA_FFMPEG=off forces false. */
export function ffmpegAvailable(): Promise<boolean> {
  available ??= (async () => {
    if (process.env.MEDIA_FFMPEG === "off") return false;
    try {
      await Promise.all([run(ffprobePath(), ["-version"], execOptions), run(ffmpegPath(), ["-version"], execOptions)]);
      return true;
    } catch {
      return false;
    }
  })();
  return available;
}

/** Forget the cached availability, so a test can change MEDIA_FFMPEG / FFMPEG_PATH. */
export function resetFfmpegCacheForTests(): void {
  available = null;
}

export type VideoProbe = { durationMs: number | null; width: number | null; height: number | null };

type ProbeJson = {
  format?: { duration?: string };
  streams?: { codec_type?: string; width?: number; height?: number; tags?: { rotate?: string }; side_data_list?: { rotation?: number }[] }[];
};

const positive = (n: number | undefined) => (typeof n === "number" && Number.isFinite(n) && n > 0 ? n : null);

/** Duration and displayed size (after rotation metadata) of a video; nulls when ffmpeg is unavailable or fails. */
export async function probeVideo(file: string): Promise<VideoProbe> {
  const none: VideoProbe = { durationMs: null, width: null, height: null };
  if (!(await ffmpegAvailable())) return none;
  let json: ProbeJson;
  try {
    const { stdout } = await run(
      ffprobePath(),
      [
        "-v", "error",
        "-print_format", "json",
        "-show_entries", "format=duration:stream=codec_type,width,height:stream_tags=rotate:stream_side_data=rotation",
        ...inputArgs(file),
      ],
      { ...execOptions, encoding: "utf8" },
    );
    json = JSON.parse(stdout) as ProbeJson;
  } catch {
    return none;
  }
  const seconds = positive(Number(json.format?.duration));
  const video = json.streams?.find((s) => s.codec_type === "video");
  let width = positive(video?.width);
  let height = positive(video?.height);
  // Phones store portrait clips as landscape plus a rotation; players (and
  // ffmpeg's poster) apply it, so report the size as shown.
  const rotation = video?.side_data_list?.find((d) => typeof d.rotation === "number")?.rotation ?? Number(video?.tags?.rotate ?? 0);
  if (Math.abs(rotation) % 180 === 90) [width, height] = [height, width];
  return { durationMs: seconds === null ? null : Math.round(seconds * 1000), width, height };
}

/**
 * One frame as PNG, at ~1 s (the first frame is often black) or at 0 for
 * clips under 2 s, scaled to fit 2048 px; for the caller to pass through
 * renderImageVariants. Null when ffmpeg is unavailable or fails.
 */
export async function posterFrame(file: string): Promise<Buffer | null> {
  if (!(await ffmpegAvailable())) return null;
  const { durationMs } = await probeVideo(file);
  const at = durationMs !== null && durationMs >= 2000 ? 1 : 0;
  return (await frameAt(file, at)) ?? (at > 0 ? frameAt(file, 0) : null);
}

async function frameAt(file: string, seconds: number): Promise<Buffer | null> {
  const scale = `scale=w='min(${POSTER_MAX_SIDE},iw)':h='min(${POSTER_MAX_SIDE},ih)':force_original_aspect_ratio=decrease`;
  try {
    const { stdout } = await run(
      ffmpegPath(),
      [
        "-v", "error", "-nostdin",
        "-ss", String(seconds),
        ...inputArgs(file),
        "-map", "0:v:0", "-frames:v", "1", "-vf", scale,
        "-f", "image2pipe", "-vcodec", "png", "-",
      ],
      { ...execOptions, encoding: "buffer" },
    );
    // Seeking past the end exits 0 with no output.
    return stdout.length > 0 ? stdout : null;
  } catch {
    return null;
  }
}
