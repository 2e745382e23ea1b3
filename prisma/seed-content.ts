// The second half of `npm run seed` (after prisma/seed.ts made the people):
// every kind of content (albums of photos, blogs, diary entries, a song as
// background music, a video, avatars and covers) for a few demo users, made
// through the app's own use-cases and media pipeline, so the rows, feed
// entries, jobs and files are exactly what the app itself would write.
// Images come from prisma/seed-images.ts (generated with sharp, no downloads).
//
//   node --conditions=react-server --import tsx prisma/seed-content.ts --before
//     removes the demo users' media rows and files (run before prisma/seed.ts
//     deletes the accounts: the cascade removes rows, never files);
//   node --conditions=react-server --import tsx prisma/seed-content.ts
//     creates the content.
// The react-server condition lets modules that `import "server-only"` load outside Next.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { Readable } from "node:stream";
import { avatar, PALETTES, photo, sceneSvg, stillLife, toJpeg, type Palette, type Scene } from "./seed-images";
import { db } from "../src/server/db";
import type { SignedInViewer } from "../src/server/auth/viewer";
import { getBoss, QUEUES } from "../src/server/jobs/boss";
import { createAlbum } from "../src/server/albums/create-album";
import { updatePhoto } from "../src/server/albums/update-photo";
import { saveDraft } from "../src/server/blog/save-draft";
import { publishBlog } from "../src/server/blog/publish-blog";
import { createEntry } from "../src/server/diary/create-entry";
import { setPostAudience } from "../src/server/posts/set-post-audience";
import { createTrack } from "../src/server/music/create-track";
import { setBackgroundMusic } from "../src/server/music/set-background-music";
import { createVideo } from "../src/server/video/create-video";
import { deleteMedia } from "../src/server/media/delete-media";
import type { Purpose } from "../src/server/media/purposes";
import { createAlbumSchema, updatePhotoSchema } from "../src/lib/validation/album";
import { publishBlogSchema, saveDraftSchema } from "../src/lib/validation/blog";
import { createDiarySchema } from "../src/lib/validation/diary";
import { setAudienceSchema } from "../src/lib/validation/post";
import { createTrackSchema, setBackgroundMusicSchema } from "../src/lib/validation/music";
import { createVideoSchema } from "../src/lib/validation/video";
import { uploadQuerySchema } from "../src/lib/validation/media";
import { todayIn } from "../src/lib/diary";

// Same domain as prisma/seed.ts (importing it would run that seed).
const DEMO_EMAILS = { endsWith: "@demo.kongjian.local" };
// From the repo root, where scripts/seed.mjs runs us (the default media folder is relative to it too).
const FIXTURES = path.resolve("e2e/fixtures/media");
const ZONE = "Asia/Shanghai";

// ---------------------------------------------------------------------------
// Uploads through the real pipeline.

type Pipeline = {
  uploadMedia: typeof import("../src/server/media/upload-media").uploadMedia;
  processMedia: typeof import("../src/server/media/process-media").processMedia;
};
let pipeline: Pipeline | null = null;

/**
 * Loads the upload and processing modules, after one fix-up. Here (unlike in
 * Next or Vitest) tsx runs the app as CommonJS and converts ESM-only packages
 * with esbuild's interop, under which music-metadata's default import of
 * content-type (CommonJS marked __esModule, no default) is undefined: audio
 * tags, duration and cover art would silently be missing. Giving content-type
 * the default Node itself would give restores them.
 */
async function loadPipeline(): Promise<Pipeline> {
  const contentType = createRequire(path.resolve("package.json"))("content-type") as { default?: unknown };
  contentType.default ??= contentType;
  const [{ uploadMedia }, { processMedia }] = await Promise.all([import("../src/server/media/upload-media"), import("../src/server/media/process-media")]);
  return (pipeline = { uploadMedia, processMedia });
}

let bossStarted = false;

/**
 * Runs the upload's media job here, now, so the item is READY when the seed
 * ends. The job is claimed first, as a pg-boss worker takes one, so a running
 * app's worker never processes the same upload at the same time; if a worker
 * already has it, we wait for it, and if the job is gone without the media
 * being processed (a test's worker skipping jobs that are not its own), we
 * process it ourselves.
 */
async function processNow(mediaId: number): Promise<void> {
  const { processMedia } = pipeline ?? (await loadPipeline());
  const boss = await getBoss();
  bossStarted = true;
  for (let waited = 0; ; waited += 250) {
    const m = await db.media.findUnique({ where: { id: mediaId }, select: { status: true } });
    if (m?.status === "READY") return;
    if (!m || m.status === "FAILED") throw new Error(`media ${mediaId} failed in another worker`);
    const [claimed] = await db.$queryRaw<{ id: string }[]>`
      UPDATE pgboss.job SET state = 'active', started_on = now()
      WHERE name = ${QUEUES.mediaProcess} AND state < 'active' AND data->>'mediaId' = ${String(mediaId)}
      RETURNING id::text`;
    if (claimed) {
      try {
        await processMedia(mediaId);
      } catch (err) {
        await boss.fail(QUEUES.mediaProcess, claimed.id, { message: String(err) });
        throw err;
      }
      await boss.complete(QUEUES.mediaProcess, claimed.id);
      return;
    }
    const [job] = await db.$queryRaw<{ state: string }[]>`
      SELECT state::text FROM pgboss.job WHERE name = ${QUEUES.mediaProcess} AND data->>'mediaId' = ${String(mediaId)}`;
    if (job?.state !== "active") return processMedia(mediaId); // nobody else will
    if (waited > 120_000) throw new Error(`media ${mediaId} is still processing after 2 minutes`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function upload(viewer: SignedInViewer, purpose: Purpose, bytes: Buffer, name: string, extra: { albumId?: number; batch?: string; crop?: string } = {}) {
  // The same query the browser sends to POST /api/uploads, through the same schema.
  const q = uploadQuerySchema.parse({ purpose, name, clientKey: randomUUID(), ...extra });
  const { uploadMedia } = pipeline ?? (await loadPipeline());
  const result = await uploadMedia(viewer, {
    purpose: q.purpose,
    body: Readable.from([bytes]),
    declaredBytes: bytes.length,
    fileName: q.name ?? null,
    clientKey: q.clientKey,
    albumId: q.albumId,
    batchKey: q.batch,
    crop: q.crop,
  });
  await processNow(result.media.id);
  return result;
}

// ---------------------------------------------------------------------------
// What each person posts.

type AlbumPlan = { handle: string; title: string; description: string; audience: "PUBLIC" | "FRIENDS"; palette: Palette; captions: string[] };

const ALBUMS: AlbumPlan[] = [
  {
    handle: "wangfang",
    title: "秋天的散步",
    description: "周末绕着老城区走了一圈，随手拍的，没怎么修图。",
    audience: "PUBLIC",
    palette: PALETTES.autumn!,
    captions: ["早上七点的光", "河边的晚霞", "路灯亮起来之前", "云很低的一天", "巷口", "海边的傍晚", "回家的路", "最后一张，天黑了"],
  },
  {
    handle: "zhangwei",
    title: "香山徒步",
    description: "五点起床，赶在人多之前登顶。腿到现在还是酸的。",
    audience: "FRIENDS",
    palette: PALETTES.hills!,
    captions: ["山脚下", "半山腰歇一歇", "远处的山一层一层", "终于到顶了", "山下的灯亮了", "下山"],
  },
  {
    handle: "xuemei",
    title: "配色练习 · 冬",
    description: "最近在做一套冬天的配色，灵感图都放在这里。",
    audience: "PUBLIC",
    palette: PALETTES.winter!,
    captions: ["雾蓝", "薰衣草", "晨光", "月白", "暮色", "夜"],
  },
];

const SCENES: Scene[] = ["hills", "sea", "hills", "lights", "hills", "sea", "hills", "lights"];
const ALT: Record<Scene, string> = { hills: "层层叠叠的远山，天上挂着太阳", sea: "海平面上的落日和水面的波光", lights: "夜里虚化成光斑的灯" };

async function seedAlbum(viewer: SignedInViewer, plan: AlbumPlan, seed: number) {
  const album = await createAlbum(viewer, createAlbumSchema.parse({ title: plan.title, description: plan.description, audience: plan.audience, clientKey: randomUUID() }));
  const batch = randomUUID(); // one upload batch: one feed item "added N photos"
  for (const [i, caption] of plan.captions.entries()) {
    const scene = SCENES[i % SCENES.length]!;
    const bytes = await photo(plan.palette, scene, seed * 100 + i, i % 4 === 2);
    const up = await upload(viewer, "photo", bytes, `IMG_${2040 + i}.jpg`, { albumId: album.id, batch });
    await updatePhoto(viewer, updatePhotoSchema.parse({ photoId: up.photo!.id, caption, alt: ALT[scene] }));
  }
}

const dayBefore = (days: number) => {
  const d = new Date(`${todayIn(ZONE)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};

async function seedBlogs(v: (h: string) => SignedInViewer) {
  const chenjing = v("chenjing");
  const image = await upload(chenjing, "inline", await stillLife(), "书和咖啡.jpg");
  const source = `读书是最好的旅行。今年通勤的路变长了，反而读了更多书。挑几本想推荐给大家。

![窗边的一杯咖啡和摊开的书](/media/${image.media.id}/display)

## 书单

- **《额尔古纳河右岸》** 迟子建：一个民族的百年，写得像一条安静的河。
- **《置身事内》** 兰小欢：终于看懂了地方政府和经济是怎么回事。
- **《长安的荔枝》** 马伯庸：小人物的职场生存记，好笑又心酸。
- **《夜晚的潜水艇》** 陈春成：想象力好到让人嫉妒。

## 读书的小习惯

1. 随身带一本薄书，排队的时候也能读几页；
2. 读完写三句话，不用长，但一定要写；
3. 不喜欢的书，读到一半也可以放下。

> 读书和旅行，身体和灵魂总有一个在路上。

你今年读到了什么好书？欢迎告诉我。`;
  // The editor's path: an auto-saved draft, then "publish" (which deletes the draft).
  const draft = await saveDraft(chenjing, saveDraftSchema.parse({ title: "今年读过的几本好书", source, audience: "PUBLIC" }));
  await publishBlog(chenjing, publishBlogSchema.parse({ draftId: draft.id, title: "今年读过的几本好书", source, audience: "PUBLIC", clientKey: randomUUID() }));

  const letter = `## 亲爱的 Peter

听说你寒假要来北京过春节，我真的太高兴了！你上次问我中国人过年都做些什么，这封信就来回答你。

## 给你的几点建议

- 带一件厚外套，北京的冬天又干又冷；
- 提前学几句拜年的话，比如“新年快乐”“恭喜发财”；
- 除夕晚上一定要来我家，一起包饺子。

## 我们的安排

1. 腊月二十八：逛庙会，吃糖葫芦
2. 除夕：吃年夜饭，看春晚
3. 初一：去爷爷奶奶家拜年

期待你的回信！

Yours,
李华`;
  await publishBlog(v("lihua"), publishBlogSchema.parse({ title: "Dear Peter：欢迎来中国过春节", source: letter, audience: "PUBLIC", clientKey: randomUUID() }));
}

async function seedDiary(v: (h: string) => SignedInViewer) {
  const entry = (handle: string, fields: { daysAgo: number; title: string; body: string; mood: string; weather: string }) =>
    createEntry(
      v(handle),
      createDiarySchema.parse({ entryDate: dayBefore(fields.daysAgo), title: fields.title, body: fields.body, mood: fields.mood, weather: fields.weather, timeZone: ZONE, clientKey: randomUUID() }),
    );
  await entry("lihua", {
    daysAgo: 1,
    title: "信寄出去了",
    body: "给 Peter 的信终于写完了。写了三遍：第一遍太长，第二遍太客气，第三遍才像我自己。晚上妈妈做了红烧肉，开心。",
    mood: "happy",
    weather: "sunny",
  });
  await entry("sunli", {
    daysAgo: 2,
    title: "小星星",
    body: "今天的钢琴课，六岁的朵朵第一次完整弹完了《小星星》，弹完自己先鼓起掌来。我比她还激动。",
    mood: "excited",
    weather: "cloudy",
  });
  // Written for herself first (the default), then shared with friends: the widening re-runs the fan-out.
  const trip = await entry("zhaomin", {
    daysAgo: 3,
    title: "回杭州的高铁上",
    body: "上海到杭州不到一个小时，窗外一直在下小雨。想外婆做的片儿川了，明天一早就去吃。打工人的周末，就是这么简单。",
    mood: "calm",
    weather: "rainy",
  });
  await setPostAudience(v("zhaomin"), setAudienceSchema.parse({ postId: trip.id, audience: "FRIENDS" }));
}

async function seedMusic(sunli: SignedInViewer) {
  const bytes = await readFile(path.join(FIXTURES, "tone-cover.mp3"));
  const up = await upload(sunli, "audio", bytes, "标准音A.mp3");
  const track = await createTrack(
    sunli,
    createTrackSchema.parse({
      mediaId: up.media.id,
      title: "标准音 A（440 Hz）",
      artist: "孙丽",
      album: "钢琴课小品",
      description: "上课前给学生定音用的标准音 A，就是中央 C 上面那个 la。录下来当空间的背景音乐 🎹",
      audience: "PUBLIC",
      clientKey: randomUUID(),
    }),
  );
  await setBackgroundMusic(sunli, setBackgroundMusicSchema.parse({ postId: Number(track.id), on: true }));
}

async function seedVideo(zhoujie: SignedInViewer) {
  const bytes = await readFile(path.join(FIXTURES, "clip.mp4"));
  const up = await upload(zhoujie, "video", bytes, "测试图.mp4");
  await createVideo(
    zhoujie,
    createVideoSchema.parse({
      mediaId: up.media.id,
      title: "小时候的电视测试图",
      description: "还记得以前节目结束后的彩条和“嘟——”的一声吗？翻出来一段，三秒钟的童年。",
      audience: "PUBLIC",
      clientKey: randomUUID(),
    }),
  );
}

// Everyone but alice and bob gets an avatar (so the initials fallback shows too); two get a cover.
const AVATAR_HUES: Record<string, number> = { lihua: 200, wangfang: 20, zhangwei: 130, chenjing: 40, liuyang: 0, zhaomin: 170, sunli: 300, zhoujie: 230, xuemei: 260, kongjian: 210 };
const COVERS: [handle: string, palette: Palette, scene: Scene][] = [["wangfang", PALETTES.autumn!, "sea"], ["sunli", PALETTES.dusk!, "hills"]];

async function seedProfiles(v: (h: string) => SignedInViewer) {
  for (const [i, [handle, hue]] of Object.entries(AVATAR_HUES).entries()) {
    // The square the avatar editor would send: the middle of the 4:3 picture.
    await upload(v(handle), "avatar", await avatar(hue, 7 + i), "avatar.jpg", { crop: "0.125,0,1" });
  }
  for (const [i, [handle, palette, scene]] of COVERS.entries()) {
    const [w, h] = [1500, 500];
    await upload(v(handle), "cover", await toJpeg(sceneSvg(palette, scene, 900 + i, w, h), w, h), "cover.jpg");
  }
}

// ---------------------------------------------------------------------------

async function before() {
  const rows = await db.media.findMany({ where: { owner: { email: DEMO_EMAILS } }, select: { id: true } });
  await deleteMedia(rows.map((r) => r.id)); // rows, then their files
  if (rows.length) console.log(`Removed ${rows.length} media of the previous demo.`);
}

async function content() {
  const users = await db.user.findMany({
    where: { email: DEMO_EMAILS },
    select: { id: true, handle: true, displayName: true, sessionVersion: true, locale: true, timeZone: true, avatarMediaId: true },
  });
  const byHandle = new Map(users.map((u) => [u.handle, u]));
  const v = (handle: string): SignedInViewer => {
    const user = byHandle.get(handle);
    if (!user) throw new Error(`demo user ${handle} is missing: run prisma/seed.ts first`);
    return user;
  };
  await seedProfiles(v);
  for (const [i, plan] of ALBUMS.entries()) await seedAlbum(v(plan.handle), plan, i + 1);
  await seedBlogs(v);
  await seedDiary(v);
  await seedMusic(v("sunli"));
  await seedVideo(v("zhoujie"));
  const media = await db.media.count({ where: { owner: { email: DEMO_EMAILS } } });
  console.log(`Seeded ${ALBUMS.length} albums, 2 blogs, 3 diary entries, a song (background music), a video, ${Object.keys(AVATAR_HUES).length} avatars and ${COVERS.length} covers (${media} media).`);
}

async function main() {
  try {
    await (process.argv.includes("--before") ? before() : content());
  } finally {
    // Close what we opened, so the process ends (pg-boss keeps timers and a pool).
    if (bossStarted) await (await getBoss()).stop({ graceful: false });
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
