import { createRepost } from "@/server/reposts/create-repost";
import { accessTo } from "@/server/privacy";
import pg from "pg";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { getFeed } from "@/server/feed/get-feed";
import { getPost } from "@/server/posts/get-post";
import { listSpacePosts } from "@/server/posts/list-space-posts";
import { setStorageForTests } from "@/server/storage";
import { LocalDiskStorage } from "@/server/storage/local-disk";
import type { SignedInViewer } from "@/server/auth/viewer";
import { befriend, buildPost, buildUser } from "@/test/factories";
import { buildItem } from "@/test/content-factories";
import { commentLikesByMe } from "./comment-likes-by-me";
import { setLike } from "./counted-like";
import { likeComment } from "./like-comment";
import { likePost } from "./like-post";
import { LIKERS_PAGE, listLikers } from "./list-likers";
import { unlikeComment } from "./unlike-comment";
import { unlikePost } from "./unlike-post";

const storageDir = mkdtempSync(path.join(tmpdir(), "kj-likes-"));
beforeAll(() => setStorageForTests(new LocalDiskStorage(storageDir)));
afterAll(() => setStorageForTests(null));

const postLikeRows = (postId: number) => db.postLike.count({ where: { postId } });
const likeCountOf = async (postId: number) => (await db.post.findUniqueOrThrow({ where: { id: postId } })).likeCount;
const ref = (id: number) => ({ postId: id });
const isNotFound = (err: unknown) => err instanceof AppError && err.code === "not_found";

async function comment(postId: number, author: { id: number }) {
  return db.comment.create({ data: { postId, authorId: author.id, body: `c ${randomUUID()}` } });
}

describe("liking an item", () => {
  it("likes, unlikes and likes again; repeating either changes nothing", async () => {
    const owner = await buildUser();
    const friend = await buildUser();
    await befriend(owner, friend);
    const post = await buildPost(owner, "FRIENDS");

    await expect(likePost(friend, ref(post.id))).resolves.toEqual({ liked: true, likeCount: 1 });
    await expect(likePost(friend, ref(post.id))).resolves.toEqual({ liked: true, likeCount: 1 });
    expect(await postLikeRows(post.id)).toBe(1);
    await expect(unlikePost(friend, ref(post.id))).resolves.toEqual({ liked: false, likeCount: 0 });
    await expect(unlikePost(friend, ref(post.id))).resolves.toEqual({ liked: false, likeCount: 0 });
    expect(await postLikeRows(post.id)).toBe(0);
    await expect(likePost(friend, ref(post.id))).resolves.toEqual({ liked: true, likeCount: 1 });
    await expect(likePost(owner, ref(post.id))).resolves.toEqual({ liked: true, likeCount: 2 });
    expect(await likeCountOf(post.id)).toBe(2);
  });

  it("counts 50 simultaneous likes by one user as one", async () => {
    const owner = await buildUser();
    const post = await buildPost(owner, "PUBLIC");
    const fan = await buildUser();
    const results = await Promise.all(Array.from({ length: 50 }, () => likePost(fan, ref(post.id))));
    expect(results.every((r) => r.liked)).toBe(true);
    expect(await postLikeRows(post.id)).toBe(1);
    expect(await likeCountOf(post.id)).toBe(1);
  });

  it("counts 50 simultaneous likes by 50 users as 50, and 50 simultaneous unlikes back to 0", async () => {
    const owner = await buildUser();
    const post = await buildPost(owner, "PUBLIC");
    const fans = await Promise.all(Array.from({ length: 50 }, () => buildUser()));
    await Promise.all(fans.map((f) => likePost(f, ref(post.id))));
    expect(await postLikeRows(post.id)).toBe(50);
    expect(await likeCountOf(post.id)).toBe(50);

    // Each fan unlikes twice at once: 100 requests, 50 real deletions.
    const results = await Promise.all(fans.flatMap((f) => [unlikePost(f, ref(post.id)), unlikePost(f, ref(post.id))]));
    expect(results.every((r) => r.likeCount >= 0 && !r.liked)).toBe(true);
    expect(await postLikeRows(post.id)).toBe(0);
    expect(await likeCountOf(post.id)).toBe(0);
  });

  it("answers a like or unlike on an item the actor cannot see exactly like a missing one, and changes nothing", async () => {
    const owner = await buildUser();
    const friend = await buildUser();
    const stranger = await buildUser();
    await befriend(owner, friend);
    const post = await buildPost(owner, "FRIENDS");
    await likePost(friend, ref(post.id));

    const missing = await likePost(stranger, ref(2147483000)).catch((e: unknown) => e);
    expect(isNotFound(missing)).toBe(true);
    // One at a time: a second promise rejecting while the first is awaited would be an unhandled rejection.
    for (const attempt of [() => likePost(stranger, ref(post.id)), () => unlikePost(stranger, ref(post.id))]) {
      const err = await attempt().catch((e: unknown) => e);
      expect(isNotFound(err)).toBe(true);
      expect((err as AppError).messageKey).toBe((missing as AppError).messageKey);
    }
    // The friend can't unlike for anyone else either: an unlike only ever removes the actor's own like.
    expect(await postLikeRows(post.id)).toBe(1);
    expect(await likeCountOf(post.id)).toBe(1);

    // Only-me and still-processing items are their author's alone.
    const privatePost = await buildPost(owner, "ONLY_ME");
    expect(isNotFound(await likePost(friend, ref(privatePost.id)).catch((e: unknown) => e))).toBe(true);
    const processing = await db.post.create({ data: { authorId: owner.id, audience: "PUBLIC", body: "x", state: "PROCESSING" } });
    expect(isNotFound(await likePost(friend, ref(processing.id)).catch((e: unknown) => e))).toBe(true);
    expect(await postLikeRows(privatePost.id)).toBe(0);
    expect(await postLikeRows(processing.id)).toBe(0);
  });

  it("answers not_found when the item is gone by the time the like is written", async () => {
    const user = await buildUser();
    const err = await setLike("post", 2147483001, user.id, true).catch((e: unknown) => e);
    expect(isNotFound(err)).toBe(true);
    await expect(setLike("post", 2147483001, user.id, false)).rejects.toSatisfy(isNotFound);
  });
});

describe("liking a comment", () => {
  it("likes and unlikes a comment once per user, with an exact count under concurrency", async () => {
    const owner = await buildUser();
    const friend = await buildUser();
    await befriend(owner, friend);
    const post = await buildPost(owner, "FRIENDS");
    const c = await comment(post.id, owner);

    const results = await Promise.all(Array.from({ length: 20 }, () => likeComment(friend, { commentId: c.id })));
    expect(results.every((r) => r.liked)).toBe(true);
    await expect(likeComment(owner, { commentId: c.id })).resolves.toEqual({ liked: true, likeCount: 2 });
    expect(await db.commentLike.count({ where: { commentId: c.id } })).toBe(2);
    expect([...(await commentLikesByMe(friend.id, [c.id]))]).toEqual([c.id]);

    await Promise.all(Array.from({ length: 10 }, () => unlikeComment(friend, { commentId: c.id })));
    expect((await db.comment.findUniqueOrThrow({ where: { id: c.id } })).likeCount).toBe(1);
    expect((await commentLikesByMe(friend.id, [c.id])).size).toBe(0);
    // The post's own count is untouched by comment likes.
    expect(await likeCountOf(post.id)).toBe(0);
  });

  it("refuses a like on a comment of an item the actor cannot see, like a missing comment", async () => {
    const owner = await buildUser();
    const friend = await buildUser();
    const stranger = await buildUser();
    await befriend(owner, friend);
    const post = await buildPost(owner, "FRIENDS");
    const c = await comment(post.id, friend);
    await likeComment(friend, { commentId: c.id });

    const missing = await likeComment(stranger, { commentId: 2147483000 }).catch((e: unknown) => e);
    expect(isNotFound(missing)).toBe(true);
    // Started one at a time: both reject, and a second rejecting promise left waiting is an unhandled rejection.
    for (const attempt of [() => likeComment(stranger, { commentId: c.id }), () => unlikeComment(stranger, { commentId: c.id })]) {
      const err = await attempt().catch((e: unknown) => e);
      expect(isNotFound(err)).toBe(true);
      expect((err as AppError).messageKey).toBe((missing as AppError).messageKey);
    }
    expect(await db.commentLike.count({ where: { commentId: c.id } })).toBe(1);
    expect((await db.comment.findUniqueOrThrow({ where: { id: c.id } })).likeCount).toBe(1);
  });
});

describe("the likers list", () => {
  it("lists likers newest first, keyset-paginated, with the exact total; hidden items answer not_found", async () => {
    const owner = await buildUser();
    const friend = await buildUser();
    const stranger = await buildUser();
    await befriend(owner, friend);
    const post = await buildPost(owner, "FRIENDS");
    const fans = await Promise.all(Array.from({ length: LIKERS_PAGE + 5 }, () => buildUser()));
    for (const f of fans) await db.postLike.create({ data: { postId: post.id, userId: f.id } });
    await db.post.update({ where: { id: post.id }, data: { likeCount: fans.length } });
    // Several likes in the same millisecond: the user id breaks the tie.
    await db.$executeRaw`UPDATE post_likes SET created_at = '2026-01-01T00:00:00.000Z' WHERE post_id = ${post.id} AND user_id = ANY(${fans.slice(0, 6).map((f) => f.id)}::int[])`;

    const first = await listLikers(friend, { postId: post.id });
    expect(first.total).toBe(fans.length);
    expect(first.items).toHaveLength(LIKERS_PAGE);
    expect(first.nextCursor).not.toBeNull();
    const second = await listLikers(friend, { postId: post.id, cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    const seen = [...first.items, ...second.items].map((u) => u.id);
    expect(new Set(seen).size).toBe(fans.length);
    expect(seen.sort()).toEqual(fans.map((f) => f.id).sort());
    const times = [...first.items, ...second.items].map((u) => u.likedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(first.items[0]).toMatchObject({ handle: expect.any(String), displayName: expect.any(String), friend: false });

    for (const viewer of [stranger, null]) {
      const err = await listLikers(viewer, { postId: post.id }).catch((e: unknown) => e);
      expect(isNotFound(err)).toBe(true);
    }
  });
});

describe("likes on cards (the page presenter)", () => {
  it("fills likedByMe, the counts and up to three likers: the viewer, then the viewer's friends, then the latest", async () => {
    const owner = await buildUser();
    const viewer = await buildUser();
    const viewersFriend = await buildUser();
    const [s1, s2, s3] = [await buildUser(), await buildUser(), await buildUser()];
    await befriend(owner, viewer);
    await befriend(viewer, viewersFriend);
    const post = await buildPost(owner, "PUBLIC");
    const other = await buildPost(owner, "PUBLIC");
    for (const u of [viewersFriend, s1, s2, s3, viewer]) await likePost(u, ref(post.id));
    await likePost(s1, ref(other.id));
    // Fixed times so "latest" is deterministic: the friend liked first.
    const at = (u: { id: number }, iso: string) => db.$executeRaw`UPDATE post_likes SET created_at = ${new Date(iso)} WHERE post_id = ${post.id} AND user_id = ${u.id}`;
    await at(viewersFriend, "2026-01-01T00:00:00Z");
    await at(s1, "2026-01-02T00:00:00Z");
    await at(s2, "2026-01-03T00:00:00Z");
    await at(s3, "2026-01-04T00:00:00Z");
    await at(viewer, "2026-01-05T00:00:00Z");

    const feed = await getFeed(viewer, {});
    const card = feed.items.find((p) => p.id === String(post.id))!;
    expect(card).toMatchObject({ likeCount: 5, commentCount: 0, likedByMe: true });
    expect(card.likers.map((u) => u.id)).toEqual([viewer.id, viewersFriend.id, s3.id]);
    expect(card.likers[0]).toEqual({ id: viewer.id, handle: viewer.handle, displayName: viewer.displayName, avatarUrl: null });
    expect(feed.items.find((p) => p.id === String(other.id))).toMatchObject({ likeCount: 1, likedByMe: false, likers: [{ id: s1.id }] });

    // The same on the item page and the space list, and for someone else: their friends first.
    const page = await getPost(viewer, { postId: post.id });
    expect(page).toMatchObject({ likeCount: 5, likedByMe: true });
    const asS1 = await listSpacePosts(s1, { ownerId: owner.id, access: await accessTo(s1, owner.id) });
    const s1Card = asS1.items.find((p) => p.id === String(post.id))!;
    expect(s1Card.likedByMe).toBe(true);
    expect(s1Card.likers.map((u) => u.id)).toEqual([s1.id, viewer.id, s3.id]);
    const anonymous = await getPost(null, { postId: post.id });
    expect(anonymous).toMatchObject({ likeCount: 5, likedByMe: false });
    expect(anonymous.likers.map((u) => u.id)).toEqual([viewer.id, s3.id, s2.id]);
  });
});

describe("queries per feed page", () => {
  // How statements are counted: Prisma's $on("query") does not fire with driver
  // adapters, so we count what reaches Postgres: every statement @prisma/adapter-pg
  // sends goes through pg's Client#query (pool.query included). The hot-account
  // list is a per-process cache refreshed at most every 5 s (src/server/feed/hot-accounts.ts):
  // counted separately so a refresh landing in one measurement doesn't skew it.
  const statements: string[] = [];
  let spy: ReturnType<typeof vi.spyOn> | null = null;
  afterEach(() => spy?.mockRestore());

  async function queriesFor(viewer: SignedInViewer) {
    const warm = await getFeed(viewer, {}); // builds the inbox on first read
    statements.length = 0;
    const original = pg.Client.prototype.query;
    spy = vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
      const q = args[0] as string | { text?: string };
      statements.push(typeof q === "string" ? q : (q?.text ?? ""));
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as never);
    const page = await getFeed(viewer, {});
    spy.mockRestore();
    spy = null;
    expect(page.items.map((p) => p.id)).toEqual(warm.items.map((p) => p.id));
    if (process.env.LIKES_DEBUG) console.log(statements.map((s) => s.replace(/\s+/g, " ").slice(0, 110)).join("\n"));
    const hotRefresh = statements.filter((s) => /"hot"\s*=/.test(s)).length;
    return { items: page.items, queries: statements.length - hotRefresh, hotRefresh };
  }

  it("runs the same number of SQL statements for a page of 20 mixed, liked and commented items as for a small page", async () => {
    const mixedAuthor = await buildUser(); // one item of every kind
    const chatty = await buildUser(); // 14 status posts and diary entries
    const small = await buildUser(); // 2 items
    const fans = await Promise.all(Array.from({ length: 5 }, () => buildUser()));
    const [v20, v6, v14, v2] = [await buildUser(), await buildUser(), await buildUser(), await buildUser()];
    await befriend(v20, mixedAuthor);
    await befriend(v20, chatty);
    await befriend(v6, mixedAuthor);
    await befriend(v14, chatty);
    await befriend(v2, small);
    for (const fan of fans) for (const u of [v20, chatty, small]) await befriend(fan, u);

    // Every loader a page can need: each kind, a repost (its original's embed), an
    // @mention (links), and an item with chosen friends (CUSTOM, checked per viewer).
    const ids: number[] = [(await buildPost(mixedAuthor, "PUBLIC", `hello @${fans[0]!.handle}`)).id];
    for (const kind of ["blog", "diary", "photos", "music", "video"] as const) ids.push((await buildItem(mixedAuthor, kind, "PUBLIC")).postId);
    ids.push(Number((await createRepost(mixedAuthor, { postId: ids[0]!, body: `look @${fans[1]!.handle}`, audience: "PUBLIC" })).id));
    for (let i = 0; i < 14; i++) {
      if (i % 2) ids.push((await buildPost(chatty, "FRIENDS", `status ${i} for @${fans[2]!.handle}`)).id);
      else ids.push((await buildItem(chatty, "diary", "FRIENDS")).postId);
    }
    const smallIds = [(await buildPost(small, "FRIENDS", `hi @${fans[3]!.handle}`)).id, (await buildItem(small, "diary", "FRIENDS")).postId];
    // Likes everywhere: by the viewers themselves, their friends and others.
    for (const [i, id] of [...ids, ...smallIds].entries()) {
      const likers = [...fans.slice(0, (i % 5) + 1), ...(i % 3 ? [] : [v20, v6, v14, v2])];
      await Promise.all(likers.map((u) => likePost(u, ref(id)).catch(() => null)));
      // ... and comments on every other item (the cards' comment previews load in the same pass).
      if (i % 2 === 0) {
        await comment(id, fans[0]!);
        await db.post.update({ where: { id }, data: { commentCount: { increment: 1 } } });
      }
    }

    // Chosen friends only, after the likes and comments above (which the others could not have made otherwise).
    await db.post.update({ where: { id: ids[ids.length - 1]! }, data: { audience: "CUSTOM", audienceUserIds: [v20.id, v14.id] } });
    const p20 = await queriesFor(v20);
    const p6 = await queriesFor(v6);
    const p14 = await queriesFor(v14);
    const p2 = await queriesFor(v2);
    expect(p20.items).toHaveLength(20);
    expect(new Set(p20.items.map((p) => p.kind))).toEqual(new Set(["status", "blog", "diary", "photos", "music", "video", "repost"]));
    expect(p20.items.some((p) => p.likedByMe)).toBe(true);
    expect(p20.items.every((p) => p.likeCount > 0 && p.likers.length === Math.min(3, p.likeCount))).toBe(true);
    expect(p20.items.filter((p) => p.commentCount > 0).length).toBeGreaterThanOrEqual(9);
    expect(p6.items).toHaveLength(7);
    expect(p14.items).toHaveLength(14);
    expect(p2.items).toHaveLength(2);

    console.log(
      `[likes] SQL statements per feed page: 20 items of all 7 kinds (with a repost, mentions, chosen friends) = ${p20.queries}, 7 items (one per kind) = ${p6.queries}; ` +
        `14 status/diary items = ${p14.queries}, 2 status/diary items = ${p2.queries}` +
        ` (+ at most 1 every 5 s for the hot-account list; refreshes seen: ${p20.hotRefresh + p6.hotRefresh + p14.hotRefresh + p2.hotRefresh})`,
    );
    // Constant per page: it depends on which kinds are present, never on how many items.
    expect(p20.queries).toBe(p6.queries);
    expect(p14.queries).toBe(p2.queries);
    for (const p of [p20, p6, p14, p2]) expect(p.hotRefresh).toBeLessThanOrEqual(1);
  }, 180_000);
});
