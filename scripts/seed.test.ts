// `npm run seed` end to end: the real script (its own processes, the app's
// use-cases and media pipeline) against the test database, with a scratch
// media folder; then once more, to prove a re-run replaces the demo cleanly.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";

const root = path.resolve(import.meta.dirname, "..");
const mediaDir = mkdtempSync(path.join(tmpdir(), "kj-seed-media-"));
const DEMO = { email: { endsWith: "@demo.kongjian.local" } };
const RUN_MS = 180_000;

afterAll(() => rmSync(mediaDir, { recursive: true, force: true }));

function seed(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: process.env.DATABASE_URL, MEDIA_DIR: mediaDir };
    delete env.S3_BUCKET; // files must land in mediaDir
    const child = spawn(process.execPath, ["scripts/seed.mjs"], { cwd: root, env });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), RUN_MS);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const demoMedia = () =>
  db.media.findMany({ where: { owner: DEMO }, select: { id: true, key: true, status: true, purpose: true, variants: true } });

/** Every file under mediaDir that belongs to the media row with this key (final variants and temporary upload). */
function filesOf(key: string): string[] {
  const dir = path.join(mediaDir, "m", key);
  const files = existsSync(dir) ? readdirSync(dir).map((f) => path.join(dir, f)) : [];
  const tmp = path.join(mediaDir, "tmp", key);
  return existsSync(tmp) ? [...files, tmp] : files;
}

async function albumTitles() {
  const albums = await db.album.findMany({ where: { owner: DEMO }, select: { title: true, owner: { select: { handle: true } }, _count: { select: { photos: true } } } });
  return albums.map((a) => `${a.owner.handle}/${a.title}/${a._count.photos}`).sort();
}

describe("npm run seed", () => {
  let firstKeys: string[] = [];
  let firstAlbums: string[] = [];

  it(
    "creates every kind of content for the demo users, with all media processed and on disk",
    async () => {
      const run = await seed();
      expect(run.code, run.output).toBe(0);

      const posts = await db.post.groupBy({ by: ["kind"], where: { author: DEMO }, _count: true });
      expect(posts.map((p) => p.kind).sort()).toEqual(["blog", "diary", "music", "photos", "status", "video"]);
      // Nothing is left half-made: every demo item and upload is READY.
      expect(await db.post.count({ where: { author: DEMO, state: { not: "READY" } } })).toBe(0);

      const media = await demoMedia();
      expect(new Set(media.map((m) => m.purpose))).toEqual(new Set(["photo", "inline", "avatar", "cover", "audio", "video"]));
      for (const m of media) {
        expect(m.status, `media ${m.id} (${m.purpose})`).toBe("READY");
        expect(m.variants.length, `media ${m.id} (${m.purpose})`).toBeGreaterThan(0);
        for (const v of m.variants) expect(existsSync(path.join(mediaDir, "m", m.key, v)), `media ${m.id} ${v}`).toBe(true);
      }

      // The pieces that make a space look alive: albums of photos, a blog with its picture, background music, avatars.
      firstAlbums = await albumTitles();
      expect(firstAlbums.length).toBeGreaterThanOrEqual(2);
      for (const a of firstAlbums) expect(Number(a.split("/").pop())).toBeGreaterThanOrEqual(6);
      const blog = await db.blogPost.findFirst({ where: { post: { author: DEMO }, coverMediaId: { not: null } }, select: { html: true } });
      for (const part of [/<h2>/, /<ul>\s*<li>/, /<img src="\/media\/\d+\/display"/]) expect(blog?.html).toMatch(part);
      expect(await db.track.count({ where: { post: { author: DEMO }, bgm: true } })).toBe(1);
      const avatars = await db.user.findMany({ where: { ...DEMO, avatarMediaId: { not: null } }, select: { avatarMediaId: true } });
      expect(avatars.length).toBeGreaterThanOrEqual(6);
      const avatarIds = new Set(media.filter((m) => m.purpose === "avatar").map((m) => m.id));
      for (const a of avatars) expect(avatarIds.has(a.avatarMediaId!)).toBe(true);

      firstKeys = media.map((m) => m.key);
    },
    RUN_MS + 30_000,
  );

  it(
    "can run again: the same demo once, and none of the first run's files left",
    async () => {
      expect(firstKeys.length).toBeGreaterThan(0);
      const run = await seed();
      expect(run.code, run.output).toBe(0);

      expect(await albumTitles()).toEqual(firstAlbums);
      const media = await demoMedia();
      expect(media.length).toBe(firstKeys.length);
      expect(media.every((m) => m.status === "READY")).toBe(true);
      const stale = firstKeys.flatMap(filesOf);
      expect(stale).toEqual([]);
      // The new run's files are there (the folder was not simply wiped).
      expect(media.flatMap((m) => filesOf(m.key)).length).toBeGreaterThanOrEqual(media.length);
    },
    RUN_MS + 30_000,
  );
});
