// The privacy grid: every audience x every kind of viewer, through every read
// path (pure rule, post page, space list and count, feed, JSON presenters).
// This table is the spec of who may see what.
import { beforeAll, describe, expect, it } from "vitest";
import { AUDIENCES, type Audience } from "@/lib/audiences";
import { getFeed } from "@/server/feed/get-feed";
import { getPost } from "@/server/posts/get-post";
import { listSpacePosts } from "@/server/posts/list-space-posts";
import { unfriend } from "@/server/social/unfriend";
import { getSpace } from "@/server/users/get-space";
import { befriend, buildPost, buildUser, followUser } from "@/test/factories";
import type { SignedInViewer } from "@/server/auth/viewer";
import { accessTo, canView } from "./index";
import { errorOf, expectErrorLikeMissing } from "@/test/errors";

type ViewerKind = "anonymous" | "stranger" | "follower" | "friend" | "formerFriend" | "owner";

const EXPECTED: Record<Audience, Record<ViewerKind, boolean>> = {
  PUBLIC: { anonymous: true, stranger: true, follower: true, friend: true, formerFriend: true, owner: true },
  FRIENDS: { anonymous: false, stranger: false, follower: false, friend: true, formerFriend: false, owner: true },
  ONLY_ME: { anonymous: false, stranger: false, follower: false, friend: false, formerFriend: false, owner: true },
  // Chosen groups / friends that none of these viewers is among (see the chosen-viewers grid).
  CUSTOM: { anonymous: false, stranger: false, follower: false, friend: false, formerFriend: false, owner: true },
};

// Who gets the author's posts in their feed at all (the feed only pulls from
// friends, followed people and oneself).
const IN_FEED_SOURCES: Record<ViewerKind, boolean> = {
  anonymous: false,
  stranger: false,
  follower: true,
  friend: true,
  formerFriend: false,
  owner: true,
};

let owner: SignedInViewer;
const viewers = {} as Record<ViewerKind, SignedInViewer | null>;
const posts = {} as Record<Audience, number>;

beforeAll(async () => {
  owner = await buildUser();
  const [stranger, follower, friend, formerFriend] = await Promise.all([buildUser(), buildUser(), buildUser(), buildUser()]);
  await befriend(owner, friend);
  await followUser(follower, owner);
  await befriend(owner, formerFriend);
  await unfriend(formerFriend, { userId: owner.id });
  Object.assign(viewers, { anonymous: null, stranger, follower, friend, formerFriend, owner });
  for (const audience of AUDIENCES) posts[audience] = (await buildPost(owner, audience)).id;
});

describe.each(AUDIENCES)("a %s post", (audience) => {
  describe.each(Object.keys(EXPECTED.PUBLIC) as ViewerKind[])("seen by %s", (kind) => {
    const visible = () => EXPECTED[audience][kind];

    it("follows the rule table", async () => {
      const access = await accessTo(viewers[kind], owner.id);
      expect(canView(access, audience)).toBe(visible());
    });

    it("on the post page and API (hidden answers exactly like missing)", async () => {
      const err = await errorOf(getPost(viewers[kind], { postId: posts[audience], handle: owner.handle }));
      if (visible()) {
        expect(err).toBeNull();
      } else {
        await expectErrorLikeMissing(err, getPost(viewers[kind], { postId: 2147483000, handle: owner.handle }));
      }
    });

    it("in the space's list and post count", async () => {
      const space = await getSpace(viewers[kind], owner.handle);
      const page = await listSpacePosts(viewers[kind], { ownerId: owner.id, access: space.access });
      expect(page.items.some((p) => p.id === String(posts[audience]))).toBe(visible());
      const expectedCount = AUDIENCES.filter((a) => EXPECTED[a][kind]).length;
      expect(space.counts.posts).toBe(expectedCount);
    });

    it("in the viewer's feed", async () => {
      const viewer = viewers[kind];
      if (!viewer) return; // anonymous has no feed; /api/feed answers 401 (e2e)
      const feed = await getFeed(viewer, {});
      expect(feed.items.some((p) => p.id === String(posts[audience]))).toBe(visible() && IN_FEED_SOURCES[kind]);
    });
  });
});

describe("a former friend who still follows", () => {
  it("sees only public posts, in the feed too", async () => {
    const a = await buildUser();
    const b = await buildUser();
    await befriend(a, b);
    await followUser(b, a);
    const pub = await buildPost(a, "PUBLIC");
    const fr = await buildPost(a, "FRIENDS");
    let feed = await getFeed(b, {});
    expect(feed.items.map((p) => p.id)).toEqual(expect.arrayContaining([String(pub.id), String(fr.id)]));
    await unfriend(a, { userId: b.id });
    feed = await getFeed(b, {});
    expect(feed.items.map((p) => p.id)).toContain(String(pub.id));
    expect(feed.items.map((p) => p.id)).not.toContain(String(fr.id));
    await expect(getPost(b, { postId: fr.id })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("a post under another handle", () => {
  it("is not found, even when public", async () => {
    const other = await buildUser();
    await expect(getPost(null, { postId: posts.PUBLIC, handle: other.handle })).rejects.toMatchObject({ code: "not_found" });
  });
});
