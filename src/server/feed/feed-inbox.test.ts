// The hybrid feed (inbox + hot pull + deep pull) must return exactly what the
// plain pull query returns, through every change that can make an inbox
// stale: new posts, follows and unfollows, friendships made and ended,
// audiences narrowed and widened, deleted posts, trimming past the cap, and
// accounts turning hot. A tiny cap and hot threshold exercise every branch.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AUDIENCES } from "@/lib/audiences";
import { FEED_KINDS, kindsOf, type FeedKind } from "@/lib/feed-filter";
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
import { deliverToSelf, ensureInbox, trimInbox } from "./inbox";
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

type Filter = { kind?: FeedKind; group?: number };

async function allPages(viewer: SignedInViewer, filter: Filter = {}) {
  const ids: string[] = [];
  let before: number | undefined;
  for (let page = 0; page < 50; page++) {
    const { items, nextCursor } = await getFeed(viewer, { before, ...filter });
    ids.push(...items.map((p) => p.id));
    if (!nextCursor) return ids;
    before = Number(nextCursor);
  }
  throw new Error("feed did not end");
}

/** The plain pull query, filtered the same way (the group's members given explicitly). */
async function reference(viewer: SignedInViewer, filter: { kind?: FeedKind; members?: number[] } = {}) {
  const sqlFilter = filter.kind || filter.members ? { kinds: filter.kind ? kindsOf(filter.kind) : undefined, authorIds: filter.members } : undefined;
  return (await pullFeed(viewer.id, { before: MAX_POST_ID, limit: 100_000, sources: "all", filter: sqlFilter })).map((r) => String(r.id));
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
        const audience = pick([...AUDIENCES]);
        // CUSTOM needs someone chosen: up to two of the author's current friends (or none to choose: friends).
        const friends = audience === "CUSTOM" ? (await db.friendship.findMany({ where: { userId: author.id }, select: { friendId: true }, take: 2 })).map((f) => f.friendId) : [];
        if (audience === "CUSTOM" && friends.length) await setPostAudience(author, { postId: p.id, audience, audienceUserIds: friends });
        else await setPostAudience(author, { postId: p.id, audience: audience === "CUSTOM" ? "FRIENDS" : audience });
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

  it("a newly followed author with more than a cap's worth of posts keeps every one of them on some page", async () => {
    const author = await buildUser();
    const reader = await buildUser();
    await ensureInbox(reader.id); // an empty inbox: its horizon is 0
    const posts = [];
    for (let i = 0; i < 40; i++) posts.push(await buildPost(author, "PUBLIC")); // cap is 15
    await followUser(reader, author);
    const ids = await allPages(reader);
    expect(ids).toEqual(posts.map((p) => String(p.id)).reverse());
    expect(ids).toEqual(await reference(reader));
  });
});

// Items of every kind (only the posts row matters to the feed's SQL), reposts included.
const ITEM_KINDS = ["status", "blog", "diary", "photos", "music", "video", "repost"] as const;

async function buildKindPost(author: { id: number }, kind: (typeof ITEM_KINDS)[number], audience: (typeof AUDIENCES)[number]) {
  const post = await db.post.create({ data: { authorId: author.id, kind, audience, body: `${kind} ${Math.random()}` } });
  await deliverToSelf(db, post.id, author.id);
  await fanOutPost(post.id);
  return post;
}

async function groupOf(owner: { id: number }, members: { id: number }[]) {
  const g = await db.friendGroup.create({ data: { ownerId: owner.id, name: `g${owner.id}-${Math.random()}` } });
  if (members.length) await db.friendGroupMember.createMany({ data: members.map((m) => ({ groupId: g.id, userId: m.id })) });
  return g.id;
}

describe("filters by kind and by friend group", () => {
  it("the hybrid feed equals the pull feed under every filter, through changes, trims and a hot account", async () => {
    const rand = rng(4242);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const users = await Promise.all(Array.from({ length: 8 }, () => buildUser()));
    for (const u of users.slice(0, 5)) await ensureInbox(u.id);
    const posts: { id: number; authorId: number }[] = [];
    for (let step = 0; step < 140; step++) {
      const a = pick(users);
      const b = pick(users);
      const r = rand();
      if (r < 0.6) posts.push({ id: (await buildKindPost(a, pick(ITEM_KINDS), pick(["PUBLIC", "PUBLIC", "FRIENDS", "ONLY_ME"] as const))).id, authorId: a.id });
      else if (a.id === b.id) continue;
      else if (r < 0.75) {
        const exists = await db.follow.findUnique({ where: { followerId_followeeId: { followerId: a.id, followeeId: b.id } } });
        if (exists) await unfollow(a, { userId: b.id });
        else await followUser(a, b);
      } else if (r < 0.88) {
        const exists = await db.friendship.findUnique({ where: { userId_friendId: { userId: a.id, friendId: b.id } } });
        if (exists) await unfriend(a, { userId: b.id });
        else await befriend(a, b);
      } else if (posts.length) {
        const p = posts.splice(Math.floor(rand() * posts.length), 1)[0]!;
        await deletePost(users.find((u) => u.id === p.authorId)!, { postId: p.id });
      }
      if (step % 35 === 34) for (const u of users) await trimInbox(u.id);
    }
    // A hot account among the sources: its posts are pulled, filtered the same way.
    const star = users[1]!;
    const fans = await Promise.all(Array.from({ length: 7 }, () => buildUser()));
    for (const f of fans) await followUser(f, star);
    for (const kind of ["photos", "repost", "blog"] as const) await buildKindPost(star, kind, "PUBLIC");
    expect((await db.user.findUniqueOrThrow({ where: { id: star.id } })).hot).toBe(true);

    let compared = 0;
    for (const u of users) {
      // Each user groups a few of the others (friends or not: the group only narrows the feed's authors).
      const members = users.filter((x) => x.id !== u.id && rand() < 0.4);
      const group = await groupOf(u, members);
      const filters: { filter: Filter; ref: { kind?: FeedKind; members?: number[] } }[] = [
        ...FEED_KINDS.map((kind) => ({ filter: { kind }, ref: { kind } })),
        { filter: { group }, ref: { members: members.map((m) => m.id) } },
        { filter: { group, kind: "status" }, ref: { kind: "status", members: members.map((m) => m.id) } },
      ];
      for (const { filter, ref } of filters) {
        const expected = await reference(u, ref);
        compared += expected.length;
        expect(await allPages(u, filter), JSON.stringify(filter)).toEqual(expected);
      }
    }
    // The comparison had something to compare (several pages' worth of filtered items).
    expect(compared).toBeGreaterThan(100);
  }, 120_000);

  it("a kind filter shows only that kind (Status includes reposts); a group filter only its members' items", async () => {
    const me = await buildUser();
    const inGroup = await buildUser();
    const outside = await buildUser();
    await befriend(me, inGroup);
    await befriend(me, outside);
    const made: Record<string, number> = {};
    for (const kind of ITEM_KINDS) made[kind] = (await buildKindPost(inGroup, kind, "PUBLIC")).id;
    const outsiders = await buildKindPost(outside, "photos", "FRIENDS");
    const group = await groupOf(me, [inGroup]);
    const kindsShown = async (filter: Filter) => (await getFeed(me, filter)).items.map((p) => p.kind).sort();

    expect(await kindsShown({ kind: "photos" })).toEqual(["photos", "photos"]);
    expect(await kindsShown({ kind: "status" })).toEqual(["repost", "status"]);
    expect(await kindsShown({ kind: "video" })).toEqual(["video"]);
    const inGroupIds = (await getFeed(me, { group })).items.map((p) => Number(p.id));
    expect(inGroupIds.sort()).toEqual(Object.values(made).sort());
    expect((await getFeed(me, { group, kind: "photos" })).items.map((p) => Number(p.id))).toEqual([made.photos]);
    expect((await getFeed(me, {})).items.map((p) => Number(p.id))).toContain(outsiders.id);
    // An empty group: an empty feed, not everything.
    expect((await getFeed(me, { group: await groupOf(me, []) })).items).toEqual([]);
    // Someone else's group (or a made-up id) is not found, so group ids can't be probed.
    const theirs = await groupOf(inGroup, [me]);
    await expect(getFeed(me, { group: theirs })).rejects.toMatchObject({ code: "not_found" });
    await expect(getFeed(me, { group: 2147483000 })).rejects.toMatchObject({ code: "not_found" });
  });
});
