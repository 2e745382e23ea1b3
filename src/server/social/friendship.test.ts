// Friend requests, friendships and follows through the use-cases, against the
// real database: the request lifecycle, crossing requests (also sent at the
// same moment), forged responses, idempotent follows, and friends being
// implicitly followed in the feed.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { getFeed } from "@/server/feed/get-feed";
import { buildPost, buildUser } from "@/test/factories";
import { cancelFriendRequest } from "./cancel-friend-request";
import { follow, unfollow } from "./follow";
import { listFriendsPage } from "./list-friends";
import { respondFriendRequest } from "./respond-friend-request";
import { sendFriendRequest } from "./send-friend-request";
import { unfriend } from "./unfriend";
import { appErrorOf } from "@/test/errors";

type Id = { id: number };

async function requestsBetween(a: Id, b: Id) {
  return db.friendRequest.findMany({
    where: { OR: [{ fromId: a.id, toId: b.id }, { fromId: b.id, toId: a.id }] },
    select: { fromId: true, toId: true },
  });
}

async function friendshipRows(a: Id, b: Id) {
  const rows = await db.friendship.findMany({
    where: { OR: [{ userId: a.id, friendId: b.id }, { userId: b.id, friendId: a.id }] },
    select: { userId: true, friendId: true },
  });
  return rows.map((r) => `${r.userId}->${r.friendId}`).sort();
}

const bothWays = (a: Id, b: Id) => [`${a.id}->${b.id}`, `${b.id}->${a.id}`].sort();

describe("the friend request lifecycle", () => {
  it("send then cancel leaves nothing behind; cancelling again is not_found", async () => {
    const [a, b] = await Promise.all([buildUser(), buildUser()]);
    await expect(sendFriendRequest(a, { userId: b.id })).resolves.toBe("requested");
    expect(await requestsBetween(a, b)).toEqual([{ fromId: a.id, toId: b.id }]);
    expect((await listFriendsPage(b)).incoming.map((p) => p.id)).toEqual([a.id]);
    expect((await listFriendsPage(a)).outgoing.map((p) => p.id)).toEqual([b.id]);

    await cancelFriendRequest(a, { userId: b.id });
    expect(await requestsBetween(a, b)).toEqual([]);
    expect((await appErrorOf(cancelFriendRequest(a, { userId: b.id }))).code).toBe("not_found");
    expect(await friendshipRows(a, b)).toEqual([]);
  });

  it("sending the same request twice keeps one request", async () => {
    const [a, b] = await Promise.all([buildUser(), buildUser()]);
    await expect(sendFriendRequest(a, { userId: b.id })).resolves.toBe("requested");
    await expect(sendFriendRequest(a, { userId: b.id })).resolves.toBe("requested");
    expect(await requestsBetween(a, b)).toEqual([{ fromId: a.id, toId: b.id }]);
  });

  it("the recipient cannot cancel the sender's request (it names their own, missing one)", async () => {
    const [a, b] = await Promise.all([buildUser(), buildUser()]);
    await sendFriendRequest(a, { userId: b.id });
    expect((await appErrorOf(cancelFriendRequest(b, { userId: a.id }))).code).toBe("not_found");
    expect(await requestsBetween(a, b)).toEqual([{ fromId: a.id, toId: b.id }]);
  });

  it("accept makes one friendship (two rows) and clears the request", async () => {
    const [a, b] = await Promise.all([buildUser(), buildUser()]);
    await sendFriendRequest(a, { userId: b.id });
    await respondFriendRequest(b, { userId: a.id, accept: true });
    expect(await friendshipRows(a, b)).toEqual(bothWays(a, b));
    expect(await requestsBetween(a, b)).toEqual([]);
    expect((await listFriendsPage(a)).friends.map((p) => p.id)).toEqual([b.id]);
    expect((await listFriendsPage(b)).friends.map((p) => p.id)).toEqual([a.id]);
    // Already friends: a new request is a conflict, and nothing changes.
    const err = await appErrorOf(sendFriendRequest(b, { userId: a.id }));
    expect({ code: err.code, key: err.messageKey }).toEqual({ code: "conflict", key: "alreadyFriends" });
    expect(await requestsBetween(a, b)).toEqual([]);
  });

  it("decline clears the request without a friendship; the sender may ask again", async () => {
    const [a, b] = await Promise.all([buildUser(), buildUser()]);
    await sendFriendRequest(a, { userId: b.id });
    expect(await requestsBetween(a, b)).toHaveLength(1);
    await respondFriendRequest(b, { userId: a.id, accept: false });
    expect(await requestsBetween(a, b)).toEqual([]);
    expect(await friendshipRows(a, b)).toEqual([]);
    await expect(sendFriendRequest(a, { userId: b.id })).resolves.toBe("requested");
    expect(await requestsBetween(a, b)).toEqual([{ fromId: a.id, toId: b.id }]);
  });

  it("the sender cannot accept their own request", async () => {
    const [a, b] = await Promise.all([buildUser(), buildUser()]);
    await sendFriendRequest(a, { userId: b.id });
    expect((await appErrorOf(respondFriendRequest(a, { userId: b.id, accept: true }))).code).toBe("not_found");
    expect(await friendshipRows(a, b)).toEqual([]);
    expect(await requestsBetween(a, b)).toEqual([{ fromId: a.id, toId: b.id }]);
  });

  it("unfriend removes both rows for both sides, keeps explicit follows; again is not_found", async () => {
    const [a, b] = await Promise.all([buildUser(), buildUser()]);
    await sendFriendRequest(a, { userId: b.id });
    await respondFriendRequest(b, { userId: a.id, accept: true });
    await follow(a, { userId: b.id });
    expect(await friendshipRows(a, b)).toEqual(bothWays(a, b));

    await unfriend(b, { userId: a.id });
    expect(await friendshipRows(a, b)).toEqual([]);
    expect(await db.follow.count({ where: { followerId: a.id, followeeId: b.id } })).toBe(1);
    expect((await appErrorOf(unfriend(a, { userId: b.id }))).code).toBe("not_found");
  });
});

describe("crossing requests", () => {
  it("B asking A after A asked B makes one friendship at once", async () => {
    const [a, b] = await Promise.all([buildUser(), buildUser()]);
    await expect(sendFriendRequest(a, { userId: b.id })).resolves.toBe("requested");
    await expect(sendFriendRequest(b, { userId: a.id })).resolves.toBe("friends");
    expect(await friendshipRows(a, b)).toEqual(bothWays(a, b));
    expect(await requestsBetween(a, b)).toEqual([]);
  });

  it("sent at the same moment, always end as exactly one friendship and no pending request", async () => {
    for (let round = 0; round < 10; round++) {
      const [a, b] = await Promise.all([buildUser(), buildUser()]);
      const outcomes = await Promise.all([sendFriendRequest(a, { userId: b.id }), sendFriendRequest(b, { userId: a.id })]);
      expect(outcomes.sort()).toEqual(["friends", "requested"]);
      expect(await friendshipRows(a, b)).toEqual(bothWays(a, b));
      expect(await requestsBetween(a, b)).toEqual([]);
    }
  });
});

describe("refused requests", () => {
  it("to oneself is invalid and writes nothing", async () => {
    const a = await buildUser();
    const err = await appErrorOf(sendFriendRequest(a, { userId: a.id }));
    expect({ code: err.code, key: err.messageKey }).toEqual({ code: "invalid", key: "notYourself" });
    expect(await db.friendRequest.count({ where: { fromId: a.id } })).toBe(0);
  });

  it("to a user who does not exist is not_found", async () => {
    const [a, gone] = await Promise.all([buildUser(), buildUser()]);
    // A user that existed a moment ago (created by this test, so ours to delete).
    await db.user.delete({ where: { id: gone.id } });
    expect((await appErrorOf(sendFriendRequest(a, { userId: gone.id }))).code).toBe("not_found");
    expect((await appErrorOf(follow(a, { userId: gone.id }))).code).toBe("not_found");
    expect(await db.friendRequest.count({ where: { fromId: a.id } })).toBe(0);
  });

  it("accepting a request that was never sent is not_found and makes no friendship", async () => {
    const [a, b] = await Promise.all([buildUser(), buildUser()]);
    expect((await appErrorOf(respondFriendRequest(b, { userId: a.id, accept: true }))).code).toBe("not_found");
    expect((await appErrorOf(respondFriendRequest(b, { userId: a.id, accept: false }))).code).toBe("not_found");
    expect(await friendshipRows(a, b)).toEqual([]);
  });

  it("a forged respond on a request sent to someone else changes nothing", async () => {
    const [sender, recipient, intruder] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    await sendFriendRequest(sender, { userId: recipient.id });
    expect(await requestsBetween(sender, recipient)).toEqual([{ fromId: sender.id, toId: recipient.id }]);

    for (const accept of [true, false]) {
      expect((await appErrorOf(respondFriendRequest(intruder, { userId: sender.id, accept }))).code).toBe("not_found");
    }
    expect(await requestsBetween(sender, recipient)).toEqual([{ fromId: sender.id, toId: recipient.id }]);
    expect(await friendshipRows(sender, intruder)).toEqual([]);
    expect(await db.friendship.count({ where: { userId: { in: [sender.id, recipient.id, intruder.id] } } })).toBe(0);

    // The real recipient can still accept it.
    await respondFriendRequest(recipient, { userId: sender.id, accept: true });
    expect(await friendshipRows(sender, recipient)).toEqual(bothWays(sender, recipient));
  });
});

describe("follow", () => {
  it("is idempotent: following twice is one follow row; unfollow removes it", async () => {
    const [a, b] = await Promise.all([buildUser(), buildUser()]);
    await follow(a, { userId: b.id });
    await follow(a, { userId: b.id });
    expect(await db.follow.count({ where: { followerId: a.id, followeeId: b.id } })).toBe(1);
    expect(await db.follow.count({ where: { followerId: b.id, followeeId: a.id } })).toBe(0);
    await unfollow(a, { userId: b.id });
    expect(await db.follow.count({ where: { followerId: a.id, followeeId: b.id } })).toBe(0);
  });

  it("is idempotent under concurrent follows", async () => {
    const [a, b] = await Promise.all([buildUser(), buildUser()]);
    await Promise.all(Array.from({ length: 5 }, () => follow(a, { userId: b.id })));
    expect(await db.follow.count({ where: { followerId: a.id, followeeId: b.id } })).toBe(1);
  });

  it("following oneself is invalid", async () => {
    const a = await buildUser();
    expect((await appErrorOf(follow(a, { userId: a.id }))).code).toBe("invalid");
    expect(await db.follow.count({ where: { followerId: a.id } })).toBe(0);
  });

  it("friends are implicitly followed: a friend's FRIENDS posts reach the feed without a follow row", async () => {
    const [a, b, stranger] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    const before = await buildPost(b, "FRIENDS");
    let feed = await getFeed(a, {});
    expect(feed.items.map((p) => p.id)).not.toContain(String(before.id));

    await sendFriendRequest(a, { userId: b.id });
    await respondFriendRequest(b, { userId: a.id, accept: true });
    const friendsPost = await buildPost(b, "FRIENDS");
    const publicPost = await buildPost(b, "PUBLIC");
    const onlyMe = await buildPost(b, "ONLY_ME");
    const strangersPost = await buildPost(stranger, "PUBLIC");

    expect(await db.follow.count({ where: { OR: [{ followerId: a.id }, { followerId: b.id }] } })).toBe(0);
    feed = await getFeed(a, {});
    const ids = feed.items.map((p) => p.id);
    expect(ids).toEqual([publicPost.id, friendsPost.id, before.id].map(String));
    expect(ids).not.toContain(String(onlyMe.id));
    expect(ids).not.toContain(String(strangersPost.id));
    // And the other way round.
    const own = await buildPost(a, "FRIENDS");
    expect((await getFeed(b, {})).items.map((p) => p.id)).toContain(String(own.id));
  });
});
