// Blocking, through the use-cases against the real database: what a block
// ends (friendship, follows, requests, group memberships, both ways), that it
// is idempotent and race-safe against a friend accept, that the blocked pair
// see each other exactly as missing on every path (space, items of every
// audience, media URL, comments, likes, friend request, follow, guestbook),
// that the blocker's items leave the blocked user's feed (inbox and hot
// pull), and that unblocking restores nothing.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIENCES } from "@/lib/audiences";
import { leaveMessageSchema } from "@/lib/validation/guestbook";
import type { SignedInViewer } from "@/server/auth/viewer";
import { addComment } from "@/server/comments/add-comment";
import { listComments } from "@/server/comments/list-comments";
import { db } from "@/server/db";
import { getFeed } from "@/server/feed/get-feed";
import { rememberHotAccount } from "@/server/feed/hot-accounts";
import { leaveMessage } from "@/server/guestbook/leave-message";
import { guestbookSummary, listMessages } from "@/server/guestbook/list-messages";
import { likeComment } from "@/server/likes/like-comment";
import { likePost } from "@/server/likes/like-post";
import { readMedia } from "@/server/media/read-media";
import { getPost } from "@/server/posts/get-post";
import { listSpacePosts } from "@/server/posts/list-space-posts";
import { accessTo } from "@/server/privacy";
import { follow } from "@/server/social/follow";
import { respondFriendRequest } from "@/server/social/respond-friend-request";
import { sendFriendRequest } from "@/server/social/send-friend-request";
import { setStorageForTests } from "@/server/storage";
import { LocalDiskStorage } from "@/server/storage/local-disk";
import { getSpace } from "@/server/users/get-space";
import { buildItem } from "@/test/content-factories";
import { befriend, buildPost, buildUser, followUser } from "@/test/factories";
import { blockUser } from "./block-user";
import { listBlocked } from "./list-blocked";
import { unblockUser } from "./unblock-user";
import { errorOf, expectLikeMissing } from "@/test/errors";

beforeAll(() => setStorageForTests(new LocalDiskStorage(mkdtempSync(path.join(tmpdir(), "kj-blocks-")))));
afterAll(() => setStorageForTests(null));

type Id = { id: number };
const MISSING_ID = 2147483000;


async function pairRows(a: Id, b: Id) {
  const [friendships, follows, requests, memberships] = await Promise.all([
    db.friendship.count({ where: { OR: [{ userId: a.id, friendId: b.id }, { userId: b.id, friendId: a.id }] } }),
    db.follow.count({ where: { OR: [{ followerId: a.id, followeeId: b.id }, { followerId: b.id, followeeId: a.id }] } }),
    db.friendRequest.count({ where: { OR: [{ fromId: a.id, toId: b.id }, { fromId: b.id, toId: a.id }] } }),
    db.friendGroupMember.count({ where: { OR: [{ userId: b.id, group: { ownerId: a.id } }, { userId: a.id, group: { ownerId: b.id } }] } }),
  ]);
  return { friendships, follows, requests, memberships };
}

const blockRows = (a: Id, b: Id) => db.block.count({ where: { OR: [{ blockerId: a.id, blockedId: b.id }, { blockerId: b.id, blockedId: a.id }] } });
const feedIds = async (viewer: SignedInViewer) => (await getFeed(viewer, {})).items.map((p) => p.id);
const group = (owner: Id, members: Id[]) =>
  db.friendGroup.create({ data: { ownerId: owner.id, name: `g ${randomUUID().slice(0, 8)}`, members: { create: members.map((m) => ({ userId: m.id })) } } });

describe("blocking someone", () => {
  it("ends friendship, follows, pending requests and group memberships both ways, and nothing else", async () => {
    const [a, b, c] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    await befriend(a, b);
    await befriend(a, c);
    await befriend(b, c);
    await db.follow.createMany({ data: [{ followerId: a.id, followeeId: b.id }, { followerId: b.id, followeeId: a.id }, { followerId: c.id, followeeId: a.id }] });
    // Stale requests both ways (as if sent before the friendship): the block clears them too.
    await db.friendRequest.createMany({ data: [{ fromId: a.id, toId: b.id }, { fromId: b.id, toId: a.id }, { fromId: c.id, toId: b.id }] });
    const aGroup = await group(a, [b, c]);
    await group(b, [a, c]);
    expect(await pairRows(a, b)).toEqual({ friendships: 2, follows: 2, requests: 2, memberships: 2 });

    await expect(blockUser(a, { userId: b.id })).resolves.toEqual({ blocked: true });

    expect(await pairRows(a, b)).toEqual({ friendships: 0, follows: 0, requests: 0, memberships: 0 });
    expect(await db.block.findMany({ where: { blockerId: a.id }, select: { blockedId: true } })).toEqual([{ blockedId: b.id }]);
    // Everyone else's ties are untouched.
    expect(await pairRows(a, c)).toEqual({ friendships: 2, follows: 1, requests: 0, memberships: 1 });
    expect(await pairRows(b, c)).toEqual({ friendships: 2, follows: 0, requests: 1, memberships: 1 });
    expect(await db.friendGroupMember.count({ where: { groupId: aGroup.id } })).toBe(1);
    expect((await accessTo(a, b.id)).relation).toBe("blocked");
    expect((await accessTo(b, a.id)).relation).toBe("blocked");
  });

  it("is idempotent: twice, or five at once (a double-click), is one block", async () => {
    const [a, b] = await Promise.all([buildUser(), buildUser()]);
    await blockUser(a, { userId: b.id });
    await blockUser(a, { userId: b.id });
    await Promise.all(Array.from({ length: 5 }, () => blockUser(a, { userId: b.id })));
    expect(await blockRows(a, b)).toBe(1);
  });

  it("refuses oneself (invalid) and a missing user (not_found), writing nothing", async () => {
    const a = await buildUser();
    const self = await errorOf(blockUser(a, { userId: a.id }));
    expect({ code: self?.code, key: self?.messageKey }).toEqual({ code: "invalid", key: "notYourself" });
    expect((await errorOf(blockUser(a, { userId: MISSING_ID })))?.code).toBe("not_found");
    expect(await db.block.count({ where: { blockerId: a.id } })).toBe(0);
  });

  it("and a friend accept at the same moment never leave a friendship behind", async () => {
    for (let round = 0; round < 8; round++) {
      const [a, b] = await Promise.all([buildUser(), buildUser()]);
      await sendFriendRequest(b, { userId: a.id });
      // A accepts B's request while B blocks A; whichever goes first, the block wins.
      await Promise.allSettled([respondFriendRequest(a, { userId: b.id, accept: true }), blockUser(b, { userId: a.id })]);
      expect(await pairRows(a, b)).toEqual({ friendships: 0, follows: 0, requests: 0, memberships: 0 });
      expect(await blockRows(a, b)).toBe(1);
    }
  });

  it("and crossing requests or a follow at the same moment never leave a tie behind", async () => {
    for (let round = 0; round < 6; round++) {
      const [a, b] = await Promise.all([buildUser(), buildUser()]);
      await sendFriendRequest(a, { userId: b.id });
      await Promise.allSettled([sendFriendRequest(b, { userId: a.id }), follow(b, { userId: a.id }), blockUser(a, { userId: b.id })]);
      expect(await pairRows(a, b)).toEqual({ friendships: 0, follows: 0, requests: 0, memberships: 0 });
    }
  });
});

describe("a blocked pair see each other as missing, both ways", () => {
  let blocker: SignedInViewer;
  let blocked: SignedInViewer;
  let control: SignedInViewer;
  // Each side's items, of every audience, and a PUBLIC photo batch with media.
  const posts = new Map<number, Record<string, number>>();
  const photos = new Map<number, { postId: number; mediaId: number }>();
  const commentOn = new Map<number, number>();

  beforeAll(async () => {
    [blocker, blocked, control] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    await befriend(blocker, blocked);
    await befriend(blocker, control);
    await befriend(blocked, control);
    for (const who of [blocker, blocked]) {
      const byAudience: Record<string, number> = {};
      for (const audience of AUDIENCES) byAudience[audience] = (await buildPost(who, audience)).id;
      // CUSTOM chosen for the other (a current friend at the time) and for the control user.
      await db.post.update({ where: { id: byAudience.CUSTOM! }, data: { audienceUserIds: [blocker.id, blocked.id, control.id].filter((x) => x !== who.id) } });
      posts.set(who.id, byAudience);
      const item = await buildItem(who, "photos", "PUBLIC");
      photos.set(who.id, { postId: item.postId, mediaId: item.media[0]!.id });
      commentOn.set(who.id, (await db.comment.create({ data: { postId: byAudience.PUBLIC!, authorId: control.id, body: "hi" } })).id);
    }
    // Before the block, the other side (and the control user) sees the PUBLIC, FRIENDS and CUSTOM items.
    for (const [viewer, owner] of [[blocked, blocker], [blocker, blocked]] as const) {
      for (const audience of ["PUBLIC", "FRIENDS", "CUSTOM"]) {
        expect(await errorOf(getPost(viewer, { postId: posts.get(owner.id)![audience]! })), `${audience} before the block`).toBeNull();
      }
    }
    await blockUser(blocker, { userId: blocked.id });
  }, 120_000);

  const directions = () =>
    [
      ["the blocked user", blocked, blocker],
      ["the blocker", blocker, blocked],
    ] as const;

  it("the space 404s (getSpace), and its lists are empty", async () => {
    for (const [, viewer, owner] of directions()) {
      await expectLikeMissing(getSpace(viewer, owner.handle), getSpace(viewer, `nobody_${randomUUID().slice(0, 8)}`));
      const access = await accessTo(viewer, owner.id);
      expect((await listSpacePosts(viewer, { ownerId: owner.id, access, limit: 50 })).items).toEqual([]);
      // The control user still sees the space.
      await expect(getSpace(control, owner.handle)).resolves.toMatchObject({ owner: { id: owner.id } });
    }
  });

  it("every item, of every audience including PUBLIC, answers like a missing one", async () => {
    for (const [who, viewer, owner] of directions()) {
      for (const audience of AUDIENCES) {
        const postId = posts.get(owner.id)![audience]!;
        await expectLikeMissing(getPost(viewer, { postId }), getPost(viewer, { postId: MISSING_ID }));
        if (audience !== "ONLY_ME") expect(await errorOf(getPost(control, { postId })), `${who}: control sees ${audience}`).toBeNull();
      }
      await expectLikeMissing(getPost(viewer, { postId: photos.get(owner.id)!.postId }), getPost(viewer, { postId: MISSING_ID }));
    }
  });

  it("media URLs of a PUBLIC item answer like missing ones", async () => {
    for (const [, viewer, owner] of directions()) {
      const mediaId = photos.get(owner.id)!.mediaId;
      await expectLikeMissing(readMedia(viewer, { mediaId, variant: "thumb", range: null, ifNoneMatch: null }), readMedia(viewer, { mediaId: MISSING_ID, variant: "thumb", range: null, ifNoneMatch: null }));
      const ok = await readMedia(control, { mediaId, variant: "thumb", range: null, ifNoneMatch: null });
      ok.body?.destroy();
      expect(ok.status).toBe(200);
    }
  });

  it("comments and likes (on the item and on its comments) are refused like on a missing item, and write nothing", async () => {
    for (const [, viewer, owner] of directions()) {
      const postId = posts.get(owner.id)!.PUBLIC!;
      const commentId = commentOn.get(owner.id)!;
      await expectLikeMissing(addComment(viewer, { postId, body: "let me in" }), addComment(viewer, { postId: MISSING_ID, body: "let me in" }));
      await expectLikeMissing(listComments(viewer, { postId }), listComments(viewer, { postId: MISSING_ID }));
      await expectLikeMissing(likePost(viewer, { postId }), likePost(viewer, { postId: MISSING_ID }));
      await expectLikeMissing(likeComment(viewer, { commentId }), likeComment(viewer, { commentId: MISSING_ID }));
      expect(await db.comment.count({ where: { postId, authorId: viewer.id } })).toBe(0);
      expect(await db.postLike.count({ where: { postId, userId: viewer.id } })).toBe(0);
      expect(await db.commentLike.count({ where: { commentId, userId: viewer.id } })).toBe(0);
      // The control user may.
      await expect(likePost(control, { postId })).resolves.toMatchObject({ liked: true });
    }
  });

  it("friend requests and follows are refused like for a missing user, and write nothing", async () => {
    for (const [, viewer, owner] of directions()) {
      await expectLikeMissing(sendFriendRequest(viewer, { userId: owner.id }), sendFriendRequest(viewer, { userId: MISSING_ID }));
      await expectLikeMissing(follow(viewer, { userId: owner.id }), follow(viewer, { userId: MISSING_ID }));
    }
    expect(await pairRows(blocker, blocked)).toEqual({ friendships: 0, follows: 0, requests: 0, memberships: 0 });
  });

  it("the guestbook can be neither read nor written", async () => {
    await db.guestbookEntry.create({ data: { ownerId: blocker.id, authorId: control.id, body: "an old message" } });
    const missing = `nobody_${randomUUID().slice(0, 8)}`;
    for (const [, viewer, owner] of directions()) {
      const leave = (handle: string) => leaveMessage(viewer, leaveMessageSchema.parse({ handle, body: "hello?" }));
      await expectLikeMissing(leave(owner.handle), leave(missing));
      await expectLikeMissing(listMessages(viewer, { handle: owner.handle }), listMessages(viewer, { handle: missing }));
      await expectLikeMissing(guestbookSummary(viewer, { handle: owner.handle }), guestbookSummary(viewer, { handle: missing }));
      expect(await db.guestbookEntry.count({ where: { ownerId: owner.id, authorId: viewer.id } })).toBe(0);
    }
    expect((await listMessages(control, { handle: blocker.handle })).items).toHaveLength(1);
  });
});

describe("the feed after a block", () => {
  it("the blocker's items leave the blocked user's feed and the other way round; new ones never arrive", async () => {
    const [a, b] = await Promise.all([buildUser(), buildUser()]);
    await befriend(a, b);
    const [aFriends, aPublic, bFriends] = [await buildPost(a, "FRIENDS"), await buildPost(a, "PUBLIC"), await buildPost(b, "FRIENDS")];
    expect(await feedIds(b)).toEqual(expect.arrayContaining([String(aFriends.id), String(aPublic.id)]));
    expect(await feedIds(a)).toContain(String(bFriends.id));

    await blockUser(a, { userId: b.id });
    const later = await buildPost(a, "PUBLIC");
    const bFeed = await feedIds(b);
    for (const p of [aFriends, aPublic, later]) expect(bFeed).not.toContain(String(p.id));
    expect(bFeed).toContain(String(bFriends.id)); // B's own
    const aFeed = await feedIds(a);
    expect(aFeed).not.toContain(String(bFriends.id));
    expect(aFeed).toEqual(expect.arrayContaining([String(aFriends.id), String(aPublic.id), String(later.id)]));
  });

  it("a hot account's items (pulled at read time, not fanned out) leave the feed of someone it blocks", async () => {
    const [hot, fan] = await Promise.all([buildUser(), buildUser()]);
    await followUser(fan, hot);
    await db.user.update({ where: { id: hot.id }, data: { hot: true } });
    try {
      rememberHotAccount(hot.id);
      const post = await buildPost(hot, "PUBLIC");
      // Through the hot pull only: no inbox entry for it.
      await db.feedEntry.deleteMany({ where: { userId: fan.id, authorId: hot.id } });
      await expect.poll(() => feedIds(fan), { timeout: 10_000 }).toContain(String(post.id));

      await blockUser(hot, { userId: fan.id });
      expect(await feedIds(fan)).not.toContain(String(post.id));
    } finally {
      // Other test files share the database: leave no hot account behind.
      await db.user.update({ where: { id: hot.id }, data: { hot: false } });
    }
  });
});

describe("unblocking", () => {
  it("lifts one's own block only, restores nothing, and lets the two start over", async () => {
    const [a, b] = await Promise.all([buildUser(), buildUser()]);
    await befriend(a, b);
    await followUser(b, a);
    const post = await buildPost(a, "PUBLIC");
    await blockUser(a, { userId: b.id });
    expect((await listBlocked(a)).map((u) => u.handle)).toEqual([b.handle]);
    expect(await listBlocked(b)).toEqual([]); // who blocked you is never listed

    // B cannot lift A's block.
    await unblockUser(b, { userId: a.id });
    expect(await blockRows(a, b)).toBe(1);

    await expect(unblockUser(a, { userId: b.id })).resolves.toEqual({ blocked: false });
    await expect(unblockUser(a, { userId: b.id })).resolves.toEqual({ blocked: false });
    expect(await blockRows(a, b)).toBe(0);
    expect(await listBlocked(a)).toEqual([]);
    expect(await pairRows(a, b)).toEqual({ friendships: 0, follows: 0, requests: 0, memberships: 0 });
    expect((await accessTo(b, a.id)).relation).toBe("stranger");
    expect(await errorOf(getPost(b, { postId: post.id }))).toBeNull();
    await expect(sendFriendRequest(b, { userId: a.id })).resolves.toBe("requested");
  });

  it("a block each way: lifting one leaves the pair blocked", async () => {
    const [a, b] = await Promise.all([buildUser(), buildUser()]);
    await blockUser(a, { userId: b.id });
    await blockUser(b, { userId: a.id });
    await unblockUser(a, { userId: b.id });
    expect((await accessTo(a, b.id)).relation).toBe("blocked");
    expect((await errorOf(getSpace(a, b.handle)))?.code).toBe("not_found");
  });
});

describe("what a block leaves behind", () => {
  it("no visits and no notifications between the two, so unblocking brings none back", async () => {
    const [a, b, c] = [await buildUser(), await buildUser(), await buildUser()];
    await befriend(a, b);
    const post = await buildPost(a, "PUBLIC");
    await likePost(b, { postId: post.id });
    await likePost(c, { postId: post.id });
    await db.visit.createMany({ data: [{ ownerId: a.id, visitorId: b.id, day: new Date() }, { ownerId: b.id, visitorId: a.id, day: new Date() }, { ownerId: a.id, visitorId: c.id, day: new Date() }] });
    expect(await db.notification.count({ where: { userId: a.id } })).toBe(2);
    await blockUser(a, { userId: b.id });
    expect(await db.visit.count({ where: { OR: [{ ownerId: a.id, visitorId: b.id }, { ownerId: b.id, visitorId: a.id }] } })).toBe(0);
    expect(await db.notification.findMany({ where: { userId: a.id }, select: { actorId: true } })).toEqual([{ actorId: c.id }]);
    expect(await db.visit.count({ where: { ownerId: a.id, visitorId: c.id } })).toBe(1);
  });
});

describe("a blocked pair on someone else's item", () => {
  it("do not see each other's comments, and cannot reply to or like them", async () => {
    const [a, b, c] = [await buildUser(), await buildUser(), await buildUser()];
    const post = await buildPost(c, "PUBLIC");
    const byB = await addComment(b, { postId: post.id, body: "from b" });
    await blockUser(a, { userId: b.id });
    const bodies = async (viewer: SignedInViewer | null) => (await listComments(viewer, { postId: post.id })).items.map((x) => x.body);
    expect(await bodies(a)).toEqual([]);
    expect(await bodies(c)).toEqual(["from b"]);
    expect(await bodies(null)).toEqual(["from b"]);
    const commentId = Number(byB.comment.id);
    await expect(likeComment(a, { commentId })).rejects.toMatchObject({ code: "not_found" });
    await expect(addComment(a, { postId: post.id, parentId: commentId, body: "answer" })).rejects.toMatchObject({ code: "not_found" });
    // B cannot reach A's comments there either.
    const byA = await addComment(a, { postId: post.id, body: "from a" });
    expect(await bodies(b)).toEqual(["from b"]);
    await expect(likeComment(b, { commentId: Number(byA.comment.id) })).rejects.toMatchObject({ code: "not_found" });
    expect(await db.comment.count({ where: { postId: post.id } })).toBe(2);
    // Nor named among the item's likers.
    await likePost(b, { postId: post.id });
    expect((await getPost(a, { postId: post.id })).likers.map((u) => u.id)).toEqual([]);
    expect((await getPost(c, { postId: post.id })).likers.map((u) => u.id)).toEqual([b.id]);
  });
});
