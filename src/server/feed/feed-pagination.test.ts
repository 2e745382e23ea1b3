// The home feed's keyset pagination and its hand-written SQL: pages are stable
// while new posts arrive, sources are exactly self + friends + followed
// people, and on random social graphs the feed equals a plain reference query
// built from the privacy module's rule table.
import { describe, expect, it } from "vitest";
import { AUDIENCES, type Audience } from "@/lib/audiences";
import type { SignedInViewer } from "@/server/auth/viewer";
import { db } from "@/server/db";
import { PAGE_SIZE } from "@/server/posts/list-space-posts";
import { canView, type Relation } from "@/server/privacy";
import { befriend, buildPost, buildUser, followUser } from "@/test/factories";
import { getFeed } from "./get-feed";

/** Every page of the viewer's feed, following nextCursor to the end. */
async function wholeFeed(viewer: SignedInViewer) {
  const pages: string[][] = [];
  let before: number | undefined;
  for (;;) {
    const page = await getFeed(viewer, { before });
    pages.push(page.items.map((p) => p.id));
    if (page.nextCursor === null) break;
    expect(page.items).toHaveLength(PAGE_SIZE);
    expect(page.nextCursor).toBe(page.items[page.items.length - 1]!.id);
    before = Number(page.nextCursor);
    if (pages.length > 100) throw new Error("feed does not end");
  }
  return pages;
}

describe("feed pagination", () => {
  it("pages 20/20/5 by cursor with no duplicates or gaps while new posts arrive", async () => {
    expect(PAGE_SIZE).toBe(20);
    const [me, friend] = await Promise.all([buildUser(), buildUser()]);
    await befriend(me, friend);
    const created: number[] = [];
    // 45 posts: 30 of mine and 15 of a friend's, interleaved.
    for (let i = 0; i < 45; i++) {
      const author = i % 3 === 2 ? friend : me;
      created.push((await buildPost(author, i % 2 ? "PUBLIC" : "FRIENDS", `post #${i}`)).id);
    }
    const expected = created.map(String).reverse();

    const page1 = await getFeed(me, {});
    expect(page1.items.map((p) => p.id)).toEqual(expected.slice(0, 20));
    expect(page1.nextCursor).toBe(expected[19]);

    // Three new posts arrive while the user reads page 1.
    const late = [];
    for (let i = 0; i < 3; i++) late.push(String((await buildPost(i === 1 ? friend : me, "FRIENDS", `late #${i}`)).id));

    const page2 = await getFeed(me, { before: Number(page1.nextCursor) });
    expect(page2.items.map((p) => p.id)).toEqual(expected.slice(20, 40));
    expect(page2.nextCursor).toBe(expected[39]);
    const page3 = await getFeed(me, { before: Number(page2.nextCursor) });
    expect(page3.items.map((p) => p.id)).toEqual(expected.slice(40, 45));
    expect(page3.nextCursor).toBeNull();

    const seen = [...page1.items, ...page2.items, ...page3.items].map((p) => p.id);
    expect(new Set(seen).size).toBe(45);
    for (const id of late) expect(seen).not.toContain(id);
    // The late posts are there for whoever reloads the first page.
    expect((await getFeed(me, {})).items.slice(0, 3).map((p) => p.id)).toEqual([...late].reverse());
  });

  it("stops exactly at a page boundary (20 posts: one page, nextCursor null)", async () => {
    const me = await buildUser();
    for (let i = 0; i < 20; i++) await buildPost(me, "ONLY_ME");
    const page = await getFeed(me, {});
    expect(page.items).toHaveLength(20);
    expect(page.nextCursor).toBeNull();
    await buildPost(me, "ONLY_ME");
    const again = await getFeed(me, {});
    expect(again.items).toHaveLength(20);
    expect(again.nextCursor).not.toBeNull();
    expect((await getFeed(me, { before: Number(again.nextCursor) })).items).toHaveLength(1);
  });

  it("holds own + friends' + followed people's posts newest first, nothing from strangers", async () => {
    const [me, friend, followee, stranger, followsMe] = await Promise.all([buildUser(), buildUser(), buildUser(), buildUser(), buildUser()]);
    await befriend(me, friend);
    await followUser(me, followee);
    await followUser(followsMe, me);
    const mine = await buildPost(me, "ONLY_ME");
    const friends = await buildPost(friend, "FRIENDS");
    const followed = await buildPost(followee, "PUBLIC");
    const followedFriendsOnly = await buildPost(followee, "FRIENDS");
    const strangers = await buildPost(stranger, "PUBLIC");
    const followersPost = await buildPost(followsMe, "PUBLIC");
    const mine2 = await buildPost(me, "PUBLIC");

    const feed = await getFeed(me, {});
    expect(feed.items.map((p) => p.id)).toEqual([mine2, followed, friends, mine].map((p) => String(p.id)));
    expect(feed.nextCursor).toBeNull();
    const ids = feed.items.map((p) => p.id);
    for (const hidden of [strangers, followersPost, followedFriendsOnly]) expect(ids).not.toContain(String(hidden.id));
    expect(feed.items.map((p) => p.mine)).toEqual([true, false, false, true]);
    expect(feed.items[1]!.author).toEqual({ id: followee.id, handle: followee.handle, displayName: followee.displayName, avatarUrl: null });
  });
});

// A small deterministic PRNG, so a failing graph can be replayed from its seed.
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The feed the slow, obvious way: every post by a source author the privacy rules let the viewer see, newest first. */
async function referenceFeed(viewer: SignedInViewer): Promise<string[]> {
  const [friendships, follows] = await Promise.all([
    db.friendship.findMany({ where: { userId: viewer.id }, select: { friendId: true } }),
    db.follow.findMany({ where: { followerId: viewer.id }, select: { followeeId: true } }),
  ]);
  const relation = new Map<number, Relation>();
  for (const f of follows) relation.set(f.followeeId, "follower");
  for (const f of friendships) relation.set(f.friendId, "friend"); // friendship wins over a follow
  relation.set(viewer.id, "owner");
  const posts = await db.post.findMany({
    where: { authorId: { in: [...relation.keys()] } },
    select: { id: true, authorId: true, audience: true },
    orderBy: { id: "desc" },
  });
  return posts.filter((p) => canView(relation.get(p.authorId)!, p.audience)).map((p) => String(p.id));
}

describe("the feed's SQL equals the reference query on random social graphs", () => {
  it.each([11, 2024, 77_777])("seed %i", async (seed) => {
    const rand = mulberry32(seed);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const users = await Promise.all(Array.from({ length: 9 }, () => buildUser()));

    const friendPairs: Array<[SignedInViewer, SignedInViewer]> = [];
    const follows: Array<[SignedInViewer, SignedInViewer]> = [];
    for (let i = 0; i < users.length; i++) {
      for (let j = 0; j < users.length; j++) {
        if (i === j) continue;
        if (i < j && rand() < 0.3) friendPairs.push([users[i]!, users[j]!]);
        if (rand() < 0.3) follows.push([users[i]!, users[j]!]); // some also friends: a follow that outlives a friendship
      }
    }
    await Promise.all(friendPairs.map(([a, b]) => befriend(a, b)));
    await Promise.all(follows.map(([a, b]) => followUser(a, b)));

    // 0-40 posts per user, authors and audiences interleaved at random.
    const data: Array<{ authorId: number; audience: Audience; body: string }> = [];
    const quota = users.map(() => Math.floor(rand() * 41));
    while (quota.some((q) => q > 0)) {
      const k = pick(users.map((_, i) => i).filter((i) => quota[i]! > 0));
      quota[k]!--;
      data.push({ authorId: users[k]!.id, audience: pick(AUDIENCES), body: `seed ${seed} #${data.length}` });
    }
    await db.post.createMany({ data });

    let nonTrivial = 0;
    for (const viewer of users) {
      const expected = await referenceFeed(viewer);
      const pages = await wholeFeed(viewer);
      expect(pages.flat(), `seed ${seed}, viewer ${viewer.id}`).toEqual(expected);
      expect(pages.length).toBe(Math.max(1, Math.ceil(expected.length / PAGE_SIZE)));
      if (expected.length > PAGE_SIZE) nonTrivial++;
    }
    // The graph must actually exercise paging and several sources.
    expect(nonTrivial).toBeGreaterThan(0);
    expect(friendPairs.length).toBeGreaterThan(0);
    expect(follows.length).toBeGreaterThan(0);
  });
});
