// The privacy grid for every content type and every media URL: each kind x
// audience x kind of viewer, through the item page/API (getPost), the space
// tab (listSpacePosts by kind), the feed, and every stored variant of every
// file (readMedia, which is what /media/<id>/<variant> runs). Then the same
// URLs after the item is made more private and after it is deleted.
// This table is the spec: privacy-grid.test.ts covers status posts the same way.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIENCES, type Audience } from "@/lib/audiences";
import { db } from "@/server/db";
import { getFeed } from "@/server/feed/get-feed";
import { readMedia } from "@/server/media/read-media";
import { getPost } from "@/server/posts/get-post";
import { deletePost } from "@/server/posts/delete-post";
import { listSpacePosts } from "@/server/posts/list-space-posts";
import { setStorageForTests } from "@/server/storage";
import { LocalDiskStorage } from "@/server/storage/local-disk";
import { unfriend } from "@/server/social/unfriend";
import { accessTo } from "@/server/privacy";
import type { SignedInViewer } from "@/server/auth/viewer";
import { befriend, buildUser, followUser } from "@/test/factories";
import { buildItem, type BuiltItem, type ItemKind } from "@/test/content-factories";
import { errorOf, expectErrorLikeMissing } from "@/test/errors";

type ViewerKind = "anonymous" | "stranger" | "follower" | "friend" | "formerFriend" | "owner";
const VIEWER_KINDS: ViewerKind[] = ["anonymous", "stranger", "follower", "friend", "formerFriend", "owner"];
const KINDS: ItemKind[] = ["blog", "diary", "photos", "music", "video"];

const EXPECTED: Record<Audience, Record<ViewerKind, boolean>> = {
  PUBLIC: { anonymous: true, stranger: true, follower: true, friend: true, formerFriend: true, owner: true },
  FRIENDS: { anonymous: false, stranger: false, follower: false, friend: true, formerFriend: false, owner: true },
  ONLY_ME: { anonymous: false, stranger: false, follower: false, friend: false, formerFriend: false, owner: true },
  // Chosen groups / friends that none of these viewers is among (see the chosen-viewers grid).
  CUSTOM: { anonymous: false, stranger: false, follower: false, friend: false, formerFriend: false, owner: true },
};
const IN_FEED_SOURCES: Record<ViewerKind, boolean> = { anonymous: false, stranger: false, follower: true, friend: true, formerFriend: false, owner: true };

let owner: SignedInViewer;
const viewers = {} as Record<ViewerKind, SignedInViewer | null>;
const items = {} as Record<ItemKind, Record<Audience, BuiltItem>>;

beforeAll(async () => {
  setStorageForTests(new LocalDiskStorage(mkdtempSync(path.join(tmpdir(), "kj-grid-"))));
  owner = await buildUser();
  const [stranger, follower, friend, formerFriend] = await Promise.all([buildUser(), buildUser(), buildUser(), buildUser()]);
  await befriend(owner, friend);
  await followUser(follower, owner);
  await befriend(owner, formerFriend);
  await unfriend(formerFriend, { userId: owner.id });
  Object.assign(viewers, { anonymous: null, stranger, follower, friend, formerFriend, owner });
  for (const kind of KINDS) {
    items[kind] = {} as Record<Audience, BuiltItem>;
    for (const audience of AUDIENCES) items[kind][audience] = await buildItem(owner, kind, audience);
  }
}, 180_000);
afterAll(() => setStorageForTests(null));

const MISSING_MEDIA = 2147483000;

describe.each(KINDS)("a %s item", (kind) => {
  it("has its media processed, with the variants its URLs name", () => {
    for (const audience of AUDIENCES) {
      for (const m of items[kind][audience].media) {
        expect(m.variants.length).toBeGreaterThan(0);
        if (kind === "photos" || kind === "blog") expect(m.variants.sort()).toEqual(["display", "original", "thumb"]);
        if (kind === "music") expect(m.variants.sort()).toEqual(["cover", "original"]);
        if (kind === "video") expect(m.variants).toContain("original");
      }
    }
  });

  describe.each(AUDIENCES)("with audience %s", (audience) => {
    describe.each(VIEWER_KINDS)("seen by %s", (who) => {
      const visible = () => EXPECTED[audience][who];
      const item = () => items[kind][audience];

      it("on its page and API", async () => {
        const err = await errorOf(getPost(viewers[who], { postId: item().postId, handle: owner.handle }));
        if (visible()) expect(err).toBeNull();
        else await expectErrorLikeMissing(err, getPost(viewers[who], { postId: 2147483000, handle: owner.handle }));
      });

      it("on the space's tab", async () => {
        const access = await accessTo(viewers[who], owner.id);
        const page = await listSpacePosts(viewers[who], { ownerId: owner.id, access, kind, limit: 50 });
        expect(page.items.some((p) => p.id === String(item().postId))).toBe(visible());
        expect(page.items.every((p) => p.kind === kind)).toBe(true);
      });

      it("in the feed", async () => {
        const viewer = viewers[who];
        if (!viewer) return; // anonymous has no feed
        const feed = await getFeed(viewer, {});
        const shown = feed.items.find((p) => p.id === String(item().postId));
        expect(Boolean(shown)).toBe(visible() && IN_FEED_SOURCES[who]);
        if (shown) expect(shown.attachment?.kind).toBe(kind === "photos" ? "photos" : kind);
      });

      it("at every media URL (original, display, thumbnail, poster, cover)", async () => {
        for (const m of item().media) {
          for (const variant of m.variants) {
            const err = await errorOf(readMedia(viewers[who], { mediaId: m.id, variant, range: null, ifNoneMatch: null }));
            if (visible()) expect(err, `${variant} of media ${m.id}`).toBeNull();
            else await expectErrorLikeMissing(err, readMedia(viewers[who], { mediaId: MISSING_MEDIA, variant, range: null, ifNoneMatch: null }));
          }
        }
      });
    });
  });
});

describe("media URLs after the item changes", () => {
  it("public files are cached for a year, others are private", async () => {
    const pub = items.photos.PUBLIC.media[0]!;
    const fr = items.photos.FRIENDS.media[0]!;
    const a = await readMedia(null, { mediaId: pub.id, variant: "thumb", range: null, ifNoneMatch: null });
    const b = await readMedia(viewers.friend, { mediaId: fr.id, variant: "thumb", range: null, ifNoneMatch: null });
    a.body?.destroy();
    b.body?.destroy();
    expect(a.headers["Cache-Control"]).toContain("immutable");
    expect(b.headers["Cache-Control"]).toMatch(/^private/);
    expect(a.headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(a.headers["Content-Type"]).toBe("image/webp");
  });

  it.each(KINDS)("a %s made more private answers not_found at once, and after deletion too", async (kind) => {
    const item = await buildItem(owner, kind, "FRIENDS");
    const url = (m: { id: number }, v: string) => readMedia(viewers.friend, { mediaId: m.id, variant: v, range: null, ifNoneMatch: null });
    for (const m of item.media) for (const v of m.variants) (await url(m, v)).body?.destroy();
    // Narrowed: photos through their album, everything else through its post.
    if (kind === "photos") {
      const post = await db.post.findUniqueOrThrow({ where: { id: item.postId } });
      await db.album.update({ where: { id: post.albumId! }, data: { audience: "ONLY_ME" } });
      await db.post.updateMany({ where: { albumId: post.albumId! }, data: { audience: "ONLY_ME" } });
    } else {
      await db.post.update({ where: { id: item.postId }, data: { audience: "ONLY_ME" } });
    }
    for (const m of item.media) for (const v of m.variants) await expect(url(m, v)).rejects.toMatchObject({ code: "not_found" });
    await expect(getPost(viewers.friend, { postId: item.postId })).rejects.toMatchObject({ code: "not_found" });
    // Deleted: the owner can't fetch it either.
    if (kind === "photos") await db.media.deleteMany({ where: { id: { in: item.media.map((m) => m.id) } } });
    else await deletePost(owner, { postId: item.postId });
    for (const m of item.media) {
      for (const v of m.variants) {
        await expect(readMedia(owner, { mediaId: m.id, variant: v, range: null, ifNoneMatch: null })).rejects.toMatchObject({ code: "not_found" });
      }
    }
  });

  it("a Range request gets exactly those bytes (206), an impossible one 416", async () => {
    const m = items.video.PUBLIC.media[0]!;
    const res = await readMedia(null, { mediaId: m.id, variant: "original", range: "bytes=10-19", ifNoneMatch: null });
    expect(res.status).toBe(206);
    expect(res.headers["Content-Range"]).toMatch(/^bytes 10-19\/\d+$/);
    const chunks: Buffer[] = [];
    for await (const c of res.body!) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).length).toBe(10);
    const bad = await readMedia(null, { mediaId: m.id, variant: "original", range: "bytes=999999999-", ifNoneMatch: null });
    expect(bad.status).toBe(416);
    expect(res.headers["Content-Type"]).toBe("video/mp4");
  });
});
