// `npm run seed`: a small living demo (a dozen people, friendships, follows and
// a few hundred posts across audiences) so the feed is worth looking at.
// Re-running replaces the demo accounts (emails @demo.kongjian.local) and
// leaves every other account alone. Deterministic: same data every run.
// Their albums, blogs, music, video and avatars come next, from prisma/seed-content.ts
// (scripts/seed.mjs runs both).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Audience } from "../src/generated/prisma/client";
import { hashPassword } from "../src/server/auth/password";

const DEMO_DOMAIN = "demo.kongjian.local";
export const DEMO_PASSWORD = "kongjian-demo";

const PEOPLE: [handle: string, name: string, bio: string][] = [
  ["lihua", "李华", "写信给外国朋友的那个李华。"],
  ["wangfang", "王芳", "摄影 / 咖啡 / 猫"],
  ["zhangwei", "张伟", "程序员，周末爬山。"],
  ["chenjing", "陈静", "读书是最好的旅行"],
  ["liuyang", "刘洋", "篮球和火锅"],
  ["zhaomin", "赵敏", "在上海打工的杭州人"],
  ["alice", "Alice", "Learning Chinese, one 说说 at a time."],
  ["bob", "Bob Lin", "Backend engineer. Tea over coffee."],
  ["sunli", "孙丽", "音乐老师 🎹"],
  ["zhoujie", "周杰", "电影爱好者"],
  ["xuemei", "雪梅", "北京 · 设计师"],
  ["kongjian", "空间官方", "Kongjian's official space: news and tips. Follow us!"],
];

const LINES = [
  "今天的晚霞太美了，拍了好多照片。",
  "周末去爬了香山，腿要断了 😂",
  "终于把这本书读完了，推荐给大家。",
  "加班到十点，回家路上吃了一碗面。",
  "Anyone up for hotpot this Friday?",
  "新学了一首曲子，练了一下午。",
  "Just finished a 10k run. Personal best!",
  "下雨天，适合听歌、喝茶、发呆。",
  "好久不见的老同学今天聚了一下，真开心。",
  "Trying to write my first blog post in Chinese. 加油！",
  "猫又把我的键盘当床了。",
  "分享一个好用的网站 https://developer.mozilla.org 学前端必备。",
  "今天是个好日子 🎉",
  "我们的新功能上线了，欢迎体验 https://example.com/news",
  "地铁上看到一个小朋友在背唐诗，太可爱了。",
  "Coffee number three. Send help.",
];

// Small deterministic PRNG so the demo is the same on every machine.
function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return seed / 4294967296;
  };
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL (npm start prints the embedded one), e.g. postgresql://postgres@127.0.0.1:5432/kongjian");
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  const rand = rng(20261126);
  try {
    await db.user.deleteMany({ where: { email: { endsWith: `@${DEMO_DOMAIN}` } } });
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const handles = PEOPLE.map(([h]) => h);
    const clash = await db.user.findMany({ where: { handle: { in: handles } }, select: { handle: true } });
    if (clash.length) throw new Error(`Handles already used by non-demo accounts: ${clash.map((c) => c.handle).join(", ")}`);

    await db.user.createMany({
      data: PEOPLE.map(([handle, displayName, bio]) => ({ handle, displayName, bio, email: `${handle}@${DEMO_DOMAIN}`, passwordHash })),
    });
    const users = await db.user.findMany({ where: { handle: { in: handles } }, select: { id: true, handle: true } });
    const id = Object.fromEntries(users.map((u) => [u.handle, u.id])) as Record<string, number>;
    const regular = handles.filter((h) => h !== "kongjian");

    // Friendships: a ring plus random chords, about half of all pairs.
    const friendships: { userId: number; friendId: number }[] = [];
    for (let i = 0; i < regular.length; i++) {
      for (let j = i + 1; j < regular.length; j++) {
        if (j === i + 1 || rand() < 0.35) {
          friendships.push({ userId: id[regular[i]!]!, friendId: id[regular[j]!]! }, { userId: id[regular[j]!]!, friendId: id[regular[i]!]! });
        }
      }
    }
    await db.friendship.createMany({ data: friendships, skipDuplicates: true });

    // Everyone follows the official account; a few follow each other one way.
    const follows = regular.map((h) => ({ followerId: id[h]!, followeeId: id.kongjian! }));
    follows.push({ followerId: id.alice!, followeeId: id.zhoujie! }, { followerId: id.bob!, followeeId: id.wangfang! });
    await db.follow.createMany({ data: follows, skipDuplicates: true });

    // The demo account can review reports (/admin/reports).
    await db.user.update({ where: { id: id.lihua! }, data: { role: "ADMIN" } });

    // A pending request, so the header badge has something to show.
    await db.friendRequest.createMany({ data: [{ fromId: id.bob!, toId: id.lihua! }], skipDuplicates: true });

    // ~300 posts over the last 30 days, inserted oldest first so ids grow with time.
    const now = Date.now();
    const posts = Array.from({ length: 300 }, () => {
      const author = handles[Math.floor(rand() * handles.length)]!;
      const r = rand();
      const audience: Audience = author === "kongjian" || r < 0.5 ? "PUBLIC" : r < 0.88 ? "FRIENDS" : "ONLY_ME";
      return {
        authorId: id[author]!,
        body: LINES[Math.floor(rand() * LINES.length)]!,
        audience,
        createdAt: new Date(now - Math.floor(rand() * 30 * 24 * 3600 * 1000)),
      };
    }).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    await db.post.createMany({ data: posts });

    console.log(`Seeded ${users.length} demo users, ${friendships.length / 2} friendships, ${follows.length} follows, ${posts.length} posts.`);
    console.log(`Sign in as lihua@${DEMO_DOMAIN} (or any handle@${DEMO_DOMAIN}) with password "${DEMO_PASSWORD}".`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
