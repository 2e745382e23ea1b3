// The hybrid feed (inbox + hot pull + deep pull) must return exactly what the
// plain pull query returns, through every change that can make an inbox
// stale: new posts, follows and unfollows, friendships made and ended,
// audiences narrowed and widened, deleted posts, trimming past the cap, and
// accounts turning hot. A tiny cap and hot threshold exercise every branch.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AUDIENCES } from "@/lib/audiences";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { setPostAudience } from "@/server/posts/set-post-audience";
import { deletePost } from "@/server/posts/delete-post";
import { unfriend } from "@/server/social/unfriend";
import { unfollow } from "@/server/social/follow";
import { befriend, buildPost, buildPostWithoutFanOut, buildUser, followUser } from "@/test/factories";
import { fanOutPost } from "./fan-out";
import { MAX_POST_ID } from "./feed-row";
import { getFeed } from "./get-feed";
import { ensureInbox, trimInbox } from "./inbox";
import { pullFeed } from "./pull-feed";

beforeAll(() => {
  vi.stubEnv("FEED_INBOX_CAP", "15");
  vi.stubEnv("FEED_HOT_THRESHOLD", "6");
});
afterAll(() => vi.unstubAllEnvs());

function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return seed / 4294967296;
  };
}

async function allPages(viewer: SignedInViewer) {
  const ids: string[] = [];
  let before: number | undefined;
  for (let page = 0; page < 50; page++) {
    const { items, nextCursor } = await getFeed(viewer, { before });
    ids.push(...items.map((p) => p.id));
    if (!nextCursor) return ids;
    before = Number(nextCursor);
  }
  throw new Error("feed did not end");
}

async function reference(viewer: SignedInViewer) {
  return (await pullFeed(viewer.id, { before: MAX_POST_ID, limit: 100_000, sources: "all" })).map((r) => String(r.id));
}

async function expectExact(users: SignedInViewer[]) {
  for (const u of users) {
    const expected = await reference(u);
    expect(await allPages(u)).toEqual(expected);
  }
}

describe("the hybrid feed equals the pull feed", () => {
  it.each([1, 2, 3])("on a random graph through every kind of change (seed %i)", async (seed) => {
    const rand = rng(seed * 7919);
    const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    const users = await Promise.all(Array.from({ length: 9 }, () => buildUser()));
    // Some users have inboxes from the start (they get fan-out); the rest build theirs lazily later.
    for (const u of users.slice(0, 5)) await ensureInbox(u.id);

    const posts: { id: number; authorId: number }[] = [];
    for (let step = 0; step < 160; step++) {
      const a = pick(users);
      const b = pick(users);
      const r = rand();
      if (r < 0.55) {
        const post = await buildPost(a, pick([...AUDIENCES]));
        posts.push({ id: post.id, authorId: a.id });
      } else if (a.id === b.id) {
        continue;
      } else if (r < 0.68) {
        const exists = await db.follow.findUnique({ where: { followerId_followeeId: { followerId: a.id, followeeId: b.id } } });
        if (exists) await unfollow(a, { userId: b.id });
        else await followUser(a, b);
      } else if (r < 0.78) {
        const exists = await db.friendship.findUnique({ where: { userId_friendId: { userId: a.id, friendId: b.id } } });
        if (exists) await unfriend(a, { userId: b.id });
        else await befriend(a, b);
      } else if (r < 0.9 && posts.length) {
        const p = pick(posts);
        const author = users.find((u) => u.id === p.authorId)!;
        await setPostAudience(author, { postId: p.id, audience: pick([...AUDIENCES]) });
        await fanOutPost(p.id); // the job the use-case enqueued
      } else if (posts.length) {
        const p = posts.splice(Math.floor(rand() * posts.length), 1)[0]!;
        await deletePost(users.find((u) => u.id === p.authorId)!, { postId: p.id });
      }
      if (step % 40 === 39) for (const u of users) await trimInbox(u.id);
    }
    // Someone gained enough followers to turn hot: their posts are now pulled.
    const star = users[0]!;
    const fans = await Promise.all(Array.from({ length: 7 }, () => buildUser()));
    for (const f of fans) {
      await ensureInbox(f.id);
      await followUser(f, star);
    }
    const starPost = await buildPost(star, "PUBLIC");
    expect((await db.user.findUniqueOrThrow({ where: { id: star.id } })).hot).toBe(true);
    expect(await allPages(fans[0]!)).toContain(String(starPost.id));

    const everyone = [...users, ...fans];
    // The comparison must have something to compare: most users see posts.
    const sizes = await Promise.all(everyone.map(async (u) => (await reference(u)).length));
    expect(sizes.filter((n) => n > 15).length).toBeGreaterThan(3);
    await expectExact(everyone);
  }, 120_000);
});

describe("inbox behaviour", () => {
  it("a post whose fan-out job has not run yet is not in followers' feeds, then is", async () => {
    const author = await buildUser();
    const reader = await buildUser();
    await ensureInbox(reader.id);
    await followUser(reader, author);
    const post = await buildPostWithoutFanOut(author, "PUBLIC");
    expect((await getFeed(reader, {})).items.map((p) => p.id)).not.toContain(String(post.id));
    await fanOutPost(post.id);
    expect((await getFeed(reader, {})).items.map((p) => p.id)).toContain(String(post.id));
  });

  it("is built lazily on the first read, with the posts from before", async () => {
    const author = await buildUser();
    const reader = await buildUser();
    await followUser(reader, author);
    const old = await buildPost(author, "PUBLIC");
    expect(await db.feedState.findUnique({ where: { userId: reader.id } })).toBeNull();
    expect((await getFeed(reader, {})).items.map((p) => p.id)).toEqual([String(old.id)]);
    expect(await db.feedState.findUnique({ where: { userId: reader.id } })).not.toBeNull();
    expect(await db.feedEntry.count({ where: { userId: reader.id } })).toBe(1);
  });
});
