// The privacy grid for chosen audiences, blocking and previews: every audience
// (including CUSTOM by group, by chosen friend and both) x every kind of
// viewer (group member, chosen friend, another friend, an ex-friend still in
// the group, follower, stranger, anonymous, a blocked user, a user who blocked
// the owner, and the owner's three previews) through every read path: the
// rule, the item page/API, the space's list and count, the feed, and the
// media URLs of a photo in an album with the same audience.
// privacy-grid.test.ts and content-privacy-grid.test.ts cover the rest the same way.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Audience } from "@/lib/audiences";
import type { SignedInViewer } from "@/server/auth/viewer";
import { db } from "@/server/db";
import { getFeed } from "@/server/feed/get-feed";
import { readMedia } from "@/server/media/read-media";
import { getPost } from "@/server/posts/get-post";
import { listSpacePosts } from "@/server/posts/list-space-posts";
import { unfriend } from "@/server/social/unfriend";
import { setStorageForTests } from "@/server/storage";
import { LocalDiskStorage } from "@/server/storage/local-disk";
import { getSpace } from "@/server/users/get-space";
import { createRepost } from "@/server/reposts/create-repost";
import { setPostAudience } from "@/server/posts/set-post-audience";
import { buildItem } from "@/test/content-factories";
import { befriend, buildPost, buildUser, followUser } from "@/test/factories";
import { blockForTest } from "@/test/social-factories";
import { accessTo, canViewItem, type Viewer } from "./index";
import { previewViewer } from "./preview";
import { errorOf, expectErrorLikeMissing } from "@/test/errors";

type Who =
  | "owner"
  | "groupMember"
  | "chosenFriend"
  | "otherFriend"
  | "exFriendInGroup"
  | "follower"
  | "stranger"
  | "anonymous"
  | "blocked"
  | "blocker"
  | "previewStranger"
  | "previewFriend"
  | "previewGroup";
const WHO: Who[] = ["owner", "groupMember", "chosenFriend", "otherFriend", "exFriendInGroup", "follower", "stranger", "anonymous", "blocked", "blocker", "previewStranger", "previewFriend", "previewGroup"];

type Case = "PUBLIC" | "FRIENDS" | "ONLY_ME" | "CUSTOM_GROUP" | "CUSTOM_FRIEND" | "CUSTOM_BOTH";
const CASES: Case[] = ["PUBLIC", "FRIENDS", "ONLY_ME", "CUSTOM_GROUP", "CUSTOM_FRIEND", "CUSTOM_BOTH"];

// The spec. Everyone but a blocked pair sees public items; CUSTOM is the owner's,
// the chosen friends' and the chosen groups' current-friend members'.
const SEES: Record<Case, Who[]> = {
  PUBLIC: ["owner", "groupMember", "chosenFriend", "otherFriend", "exFriendInGroup", "follower", "stranger", "anonymous", "previewStranger", "previewFriend", "previewGroup"],
  FRIENDS: ["owner", "groupMember", "chosenFriend", "otherFriend", "previewFriend", "previewGroup"],
  ONLY_ME: ["owner"],
  CUSTOM_GROUP: ["owner", "groupMember", "previewGroup"],
  CUSTOM_FRIEND: ["owner", "chosenFriend"],
  CUSTOM_BOTH: ["owner", "groupMember", "chosenFriend", "previewGroup"],
};
// Whose feed pulls from the owner at all (friends, followers, oneself).
const FEED_SOURCE: Who[] = ["owner", "groupMember", "chosenFriend", "otherFriend", "follower"];
// Who gets the space itself: everyone but a blocked pair, who get the 404 of a missing space.
const SPACE_HIDDEN: Who[] = ["blocked", "blocker"];

let owner: SignedInViewer;
let groupId: number;
const viewers = {} as Record<Who, Viewer>;
const posts = {} as Record<Case, number>;
const photos = {} as Record<Case, { id: number; variants: string[] }>;

function audienceColumns(c: Case, chosenFriend: number): { audience: Audience; audienceGroupIds: number[]; audienceUserIds: number[] } {
  if (!c.startsWith("CUSTOM")) return { audience: c as Audience, audienceGroupIds: [], audienceUserIds: [] };
  return {
    audience: "CUSTOM",
    audienceGroupIds: c === "CUSTOM_FRIEND" ? [] : [groupId],
    audienceUserIds: c === "CUSTOM_GROUP" ? [] : [chosenFriend],
  };
}

beforeAll(async () => {
  setStorageForTests(new LocalDiskStorage(mkdtempSync(path.join(tmpdir(), "kj-agrid-"))));
  owner = await buildUser();
  const [groupMember, chosenFriend, otherFriend, exFriendInGroup, follower, stranger, blocked, blocker] = (await Promise.all(
    Array.from({ length: 8 }, () => buildUser()),
  )) as [SignedInViewer, SignedInViewer, SignedInViewer, SignedInViewer, SignedInViewer, SignedInViewer, SignedInViewer, SignedInViewer];
  for (const f of [groupMember, chosenFriend, otherFriend, exFriendInGroup, blocked, blocker]) await befriend(owner, f);
  await followUser(follower, owner);
  const group = await db.friendGroup.create({ data: { ownerId: owner.id, name: "Classmates" } });
  groupId = group.id;
  // The ex-friend and both sides of the blocks were in the group: membership alone must grant nothing.
  await db.friendGroupMember.createMany({ data: [groupMember, exFriendInGroup, blocked, blocker].map((u) => ({ groupId, userId: u.id })) });
  await unfriend(exFriendInGroup, { userId: owner.id });
  await db.friendGroupMember.createMany({ data: [{ groupId, userId: exFriendInGroup.id }], skipDuplicates: true });
  await blockForTest(owner, blocked);
  await blockForTest(blocker, owner);
  // Blocking removed both from the group; put them back: being listed must still grant nothing.
  await db.friendGroupMember.createMany({ data: [blocked, blocker].map((u) => ({ groupId, userId: u.id })), skipDuplicates: true });
  Object.assign(viewers, {
    owner,
    groupMember,
    chosenFriend,
    otherFriend,
    exFriendInGroup,
    follower,
    stranger,
    anonymous: null,
    blocked,
    blocker,
    previewStranger: previewViewer(owner.id, { as: "stranger" }),
    previewFriend: previewViewer(owner.id, { as: "friend" }),
    previewGroup: previewViewer(owner.id, { as: "group", groupId }),
  });
  for (const c of CASES) {
    const cols = audienceColumns(c, chosenFriend.id);
    // What is under test is every read path; the write path of each audience
    // (resolveAudience, album updates) has its own tests in src/server/groups.
    const post = await buildPost(owner, cols.audience);
    await db.post.update({ where: { id: post.id }, data: cols });
    posts[c] = post.id;
    const item = await buildItem(owner, "photos", cols.audience);
    const batch = await db.post.findUniqueOrThrow({ where: { id: item.postId } });
    await db.album.update({ where: { id: batch.albumId! }, data: cols });
    await db.post.updateMany({ where: { albumId: batch.albumId! }, data: cols });
    photos[c] = item.media[0]!;
  }
}, 120_000);
afterAll(() => setStorageForTests(null));

describe.each(CASES)("a %s item", (c) => {
  describe.each(WHO)("seen by %s", (who) => {
    const visible = () => SEES[c].includes(who);

    it("follows the rule table", async () => {
      const access = await accessTo(viewers[who], owner.id);
      const post = await db.post.findUniqueOrThrow({ where: { id: posts[c] } });
      expect(canViewItem(access, post)).toBe(visible());
    });

    it("on the item page and API (hidden answers exactly like missing)", async () => {
      const err = await errorOf(getPost(viewers[who], { postId: posts[c], handle: owner.handle }));
      if (visible()) expect(err).toBeNull();
      else await expectErrorLikeMissing(err, getPost(viewers[who], { postId: 2147483000, handle: owner.handle }));
    });

    it("in the space's list and count", async () => {
      if (SPACE_HIDDEN.includes(who)) {
        const missing = await errorOf(getSpace(viewers[who], `nobody-${owner.handle}`));
        await expectErrorLikeMissing(await errorOf(getSpace(viewers[who], owner.handle)), Promise.reject(missing));
        return;
      }
      const space = await getSpace(viewers[who], owner.handle);
      const page = await listSpacePosts(viewers[who], { ownerId: owner.id, access: space.access, limit: 50 });
      expect(page.items.some((p) => p.id === String(posts[c]))).toBe(visible());
      // Each case has a status post and a photo batch with the same audience.
      const expected = CASES.filter((k) => SEES[k].includes(who)).length * 2;
      expect(space.counts.posts).toBe(expected);
    });

    it("in the viewer's feed", async () => {
      const viewer = viewers[who];
      if (!viewer || viewer.id <= 0) return; // anonymous and previews have no feed
      const feed = await getFeed(viewer as SignedInViewer, {});
      expect(feed.items.some((p) => p.id === String(posts[c]))).toBe(visible() && FEED_SOURCE.includes(who));
    });

    it("at every URL of a photo in an album with that audience", async () => {
      const m = photos[c];
      for (const variant of m.variants) {
        const err = await errorOf(readMedia(viewers[who], { mediaId: m.id, variant, range: null, ifNoneMatch: null }).then((res) => res.body?.destroy()));
        if (visible()) {
          expect(err, `${variant}`).toBeNull();
        } else {
          await expectErrorLikeMissing(err, readMedia(viewers[who], { mediaId: 2147483000, variant, range: null, ifNoneMatch: null }));
        }
      }
    });
  });
});

describe("a preview", () => {
  it("is nobody anywhere else: towards another owner it is a stranger", async () => {
    const other = await buildUser();
    await befriend(owner, other);
    const friendsOnly = await buildPost(other, "FRIENDS");
    const pub = await buildPost(other, "PUBLIC");
    const preview = previewViewer(owner.id, { as: "friend" });
    await expect(getPost(preview, { postId: friendsOnly.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(getPost(preview, { postId: pub.id })).resolves.toMatchObject({ mine: false });
  });

  it("never makes the owner's own items editable", async () => {
    const post = await getPost(previewViewer(owner.id, { as: "stranger" }), { postId: posts.PUBLIC });
    expect(post.mine).toBe(false);
  });
});

describe("a repost of the owner's public item, by someone else", () => {
  // A repost never widens the original: its embed shows the original exactly to
  // those who may see the original, now, and looks deleted to everyone else.
  let repostId: number;
  let originalId: number;
  beforeAll(async () => {
    const reposter = await buildUser();
    originalId = (await buildPost(owner, "PUBLIC")).id;
    repostId = Number((await createRepost(reposter, { postId: originalId, body: "look at this", audience: "PUBLIC" })).id);
  });

  async function embedSeenBy(who: Who): Promise<boolean> {
    const repost = await getPost(viewers[who], { postId: repostId });
    expect(repost.attachment?.kind).toBe("repost");
    return (repost.attachment as { original: { id: string } | null }).original?.id === String(originalId);
  }

  it.each(WHO)("shows the original to %s iff they may see it, and hides it after it is narrowed", async (who) => {
    expect(await embedSeenBy(who)).toBe(SEES.PUBLIC.includes(who));
  });

  it("after the original is narrowed to friends, only they (and the owner) see it inside the repost", async () => {
    await setPostAudience(owner, { postId: originalId, audience: "FRIENDS" });
    for (const who of WHO) expect(await embedSeenBy(who), who).toBe(SEES.FRIENDS.includes(who));
    await setPostAudience(owner, { postId: originalId, audience: "PUBLIC" });
  });
});

describe("a chosen group that is not the author's own", () => {
  it("grants nothing, on the item page and in the feed alike", async () => {
    // Writes refuse such ids (resolveAudience); the rule must not depend on that.
    const other = await buildUser();
    const foreign = await db.friendGroup.create({ data: { ownerId: other.id, name: "Not yours" } });
    const friend = viewers.otherFriend as SignedInViewer;
    await db.friendGroupMember.create({ data: { groupId: foreign.id, userId: friend.id } });
    const post = await buildPost(owner, "CUSTOM");
    await db.post.update({ where: { id: post.id }, data: { audienceGroupIds: [foreign.id] } });
    await expect(getPost(friend, { postId: post.id })).rejects.toMatchObject({ code: "not_found" });
    expect((await getFeed(friend, {})).items.map((p) => p.id)).not.toContain(String(post.id));
  });
});
