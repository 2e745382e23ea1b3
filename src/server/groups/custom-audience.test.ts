// "Chosen groups or friends" end to end, through the real writes (createPost,
// setPostAudience, createAlbum, updateAlbum, an upload into the album) and
// every read path (post page, space list, feed, a photo's file URL): seen by
// the owner, a member of a chosen group and a chosen friend; not by another
// friend, a stranger, a member once unfriended, nor (the group deleted) by
// its former members, while friends chosen by name still see it.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAlbumSchema, updateAlbumSchema } from "@/lib/validation/album";
import { createPostSchema, setAudienceSchema } from "@/lib/validation/post";
import { createAlbum } from "@/server/albums/create-album";
import { updateAlbum } from "@/server/albums/update-album";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { getFeed } from "@/server/feed/get-feed";
import { fanOutPost } from "@/server/feed/fan-out";
import { QUEUES } from "@/server/jobs/boss";
import { processMedia } from "@/server/media/process-media";
import { readMedia } from "@/server/media/read-media";
import { uploadMedia } from "@/server/media/upload-media";
import { createPost } from "@/server/posts/create-post";
import { getPost } from "@/server/posts/get-post";
import { listSpacePosts } from "@/server/posts/list-space-posts";
import { setPostAudience } from "@/server/posts/set-post-audience";
import { accessTo } from "@/server/privacy";
import { unfriend } from "@/server/social/unfriend";
import { blockUser } from "@/server/blocks/block-user";
import { unblockUser } from "@/server/blocks/unblock-user";
import { setStorageForTests } from "@/server/storage";
import { LocalDiskStorage } from "@/server/storage/local-disk";
import type { SignedInViewer } from "@/server/auth/viewer";
import { befriend, buildUser } from "@/test/factories";
import { jpeg } from "@/test/media-fixtures";
import { addGroupMembers } from "./add-group-members";
import { createGroup } from "./create-group";
import { deleteGroup } from "./delete-group";
import { errorOf } from "@/test/errors";

beforeAll(() => {
  process.env.UPLOAD_SPOOL_DIR = mkdtempSync(path.join(tmpdir(), "kj-groups-spool-"));
  setStorageForTests(new LocalDiskStorage(mkdtempSync(path.join(tmpdir(), "kj-groups-store-"))));
});
afterAll(() => setStorageForTests(null));

type World = {
  owner: SignedInViewer;
  /** In the chosen group. */
  member: SignedInViewer;
  /** Chosen by name. */
  chosen: SignedInViewer;
  /** A friend neither in the group nor chosen. */
  other: SignedInViewer;
  stranger: SignedInViewer;
  groupId: number;
};

/** An owner with a group "Classmates" (holding `member`), and friends `chosen` and `other`. Every inbox exists already. */
async function world(): Promise<World> {
  const [owner, member, chosen, other, stranger] = await Promise.all([buildUser(), buildUser(), buildUser(), buildUser(), buildUser()]);
  for (const f of [member, chosen, other]) await befriend(owner, f);
  const group = await createGroup(owner, { name: "Classmates" });
  await addGroupMembers(owner, { groupId: group.id, userIds: [member.id] });
  // Inboxes built before the post: it reaches them only through the fan-out.
  for (const v of [owner, member, chosen, other, stranger]) await getFeed(v, {});
  return { owner, member, chosen, other, stranger, groupId: group.id };
}

const customTo = (w: World, users: SignedInViewer[] = [w.chosen]) => ({ audience: "CUSTOM", audienceGroupIds: [w.groupId], audienceUserIds: users.map((u) => u.id) });

/** What `viewer` gets of post `postId` on each read path; hidden must answer like missing (not_found). */
async function seenBy(w: World, viewer: SignedInViewer | null, postId: number) {
  const page = await errorOf(getPost(viewer, { postId, handle: w.owner.handle }));
  if (page !== null) {
    expect(page).toBeInstanceOf(AppError);
    expect((page as AppError).code).toBe("not_found");
  }
  const space = await listSpacePosts(viewer, { ownerId: w.owner.id, access: await accessTo(viewer, w.owner.id) });
  const feed = viewer ? (await getFeed(viewer, {})).items.some((p) => p.id === String(postId)) : false;
  return { page: page === null, space: space.items.some((p) => p.id === String(postId)), feed };
}

const SEEN = { page: true, space: true, feed: true };
const HIDDEN = { page: false, space: false, feed: false };

async function customPost(w: World, users?: SignedInViewer[]) {
  const post = await createPost(w.owner, createPostSchema.parse({ body: `for some ${randomUUID()}`, ...customTo(w, users) }));
  await fanOutPost(Number(post.id)); // as the feed-fanout job would
  return post;
}

describe("a status post shown to a group and a friend", () => {
  it("is seen by the owner, the group's member and the chosen friend only, on every path", async () => {
    const w = await world();
    const post = await customPost(w);
    const id = Number(post.id);
    expect(await db.post.findUniqueOrThrow({ where: { id } })).toMatchObject({ audience: "CUSTOM", audienceGroupIds: [w.groupId], audienceUserIds: [w.chosen.id] });
    expect(await seenBy(w, w.owner, id)).toEqual(SEEN);
    expect(await seenBy(w, w.member, id)).toEqual(SEEN);
    expect(await seenBy(w, w.chosen, id)).toEqual(SEEN);
    expect(await seenBy(w, w.other, id)).toEqual(HIDDEN);
    expect(await seenBy(w, w.stranger, id)).toEqual(HIDDEN);
    expect(await seenBy(w, null, id)).toEqual(HIDDEN);
  });

  it("names whom it was shown to for its owner, and for nobody else", async () => {
    const w = await world();
    const post = await customPost(w);
    const chosenView = { groups: [{ id: w.groupId, name: "Classmates" }], users: [{ id: w.chosen.id, displayName: w.chosen.displayName }] };
    expect(post.chosen).toEqual(chosenView);
    expect((await getPost(w.owner, { postId: Number(post.id) })).chosen).toEqual(chosenView);
    expect((await getFeed(w.owner, {})).items.find((p) => p.id === post.id)!.chosen).toEqual(chosenView);
    const forMember = await getPost(w.member, { postId: Number(post.id) });
    expect(forMember).toMatchObject({ audience: "CUSTOM", chosen: null });
    expect((await getFeed(w.chosen, {})).items.find((p) => p.id === post.id)!.chosen).toBeNull();
  });

  it("is no longer seen by a member who stops being a friend (either side unfriending)", async () => {
    const w = await world();
    const other2 = await buildUser();
    await befriend(w.owner, other2);
    await addGroupMembers(w.owner, { groupId: w.groupId, userIds: [other2.id] });
    await getFeed(other2, {});
    const id = Number((await customPost(w)).id);
    expect(await seenBy(w, other2, id)).toEqual(SEEN);
    await unfriend(w.member, { userId: w.owner.id });
    await unfriend(w.owner, { userId: other2.id });
    expect(await seenBy(w, w.member, id)).toEqual(HIDDEN);
    expect(await seenBy(w, other2, id)).toEqual(HIDDEN);
    // Friends again: still not in the group, so still not shown what was shared with it.
    await befriend(w.owner, w.member);
    expect(await seenBy(w, w.member, id)).toEqual(HIDDEN);
    expect(await seenBy(w, w.chosen, id)).toEqual(SEEN);
  });

  it("a friend chosen by name who is unfriended, or blocked, does not get it back by befriending again", async () => {
    for (const end of ["unfriend", "block"] as const) {
      const w = await world();
      const id = Number((await customPost(w)).id);
      expect(await seenBy(w, w.chosen, id)).toEqual(SEEN);
      if (end === "unfriend") await unfriend(w.chosen, { userId: w.owner.id });
      else {
        await blockUser(w.owner, { userId: w.chosen.id });
        await unblockUser(w.owner, { userId: w.chosen.id });
      }
      expect((await db.post.findUniqueOrThrow({ where: { id } })).audienceUserIds, end).toEqual([]);
      await befriend(w.owner, w.chosen);
      expect(await seenBy(w, w.chosen, id), end).toEqual(HIDDEN);
    }
  });

  it("once its group is deleted, is seen by the friends chosen by name only", async () => {
    const w = await world();
    const id = Number((await customPost(w)).id);
    await deleteGroup(w.owner, { groupId: w.groupId });
    expect(await seenBy(w, w.member, id)).toEqual(HIDDEN);
    expect(await seenBy(w, w.chosen, id)).toEqual(SEEN);
    expect(await seenBy(w, w.owner, id)).toEqual(SEEN);
    expect((await db.post.findUniqueOrThrow({ where: { id } })).audienceGroupIds).toEqual([]);
    expect((await getPost(w.owner, { postId: id })).chosen).toEqual({ groups: [], users: [{ id: w.chosen.id, displayName: w.chosen.displayName }] });
  });

  it("shown to a group only, is seen by nobody but its owner once the group is deleted", async () => {
    const w = await world();
    const id = Number((await customPost(w, [])).id);
    expect(await seenBy(w, w.member, id)).toEqual(SEEN);
    await deleteGroup(w.owner, { groupId: w.groupId });
    for (const v of [w.member, w.chosen, w.other]) expect(await seenBy(w, v, id)).toEqual(HIDDEN);
    expect(await seenBy(w, w.owner, id)).toEqual(SEEN);
  });
});

describe("forged choices", () => {
  it("someone else's group or a non-friend creates no post", async () => {
    const w = await world();
    const theirs = await createGroup(w.stranger, { name: "Theirs" });
    const before = await db.post.count({ where: { authorId: w.owner.id } });
    await expect(createPost(w.owner, createPostSchema.parse({ body: "x", audience: "CUSTOM", audienceGroupIds: [theirs.id] }))).rejects.toMatchObject({
      messageKey: "audienceGroupInvalid",
    });
    await expect(createPost(w.owner, createPostSchema.parse({ body: "x", audience: "CUSTOM", audienceUserIds: [w.stranger.id] }))).rejects.toMatchObject({
      messageKey: "audienceFriendInvalid",
    });
    expect(await db.post.count({ where: { authorId: w.owner.id } })).toBe(before);
  });

  it("changing a post's audience to someone else's group changes nothing", async () => {
    const w = await world();
    const post = await createPost(w.owner, createPostSchema.parse({ body: "mine", audience: "FRIENDS" }));
    const theirs = await createGroup(w.stranger, { name: "Theirs" });
    await expect(
      setPostAudience(w.owner, setAudienceSchema.parse({ postId: post.id, audience: "CUSTOM", audienceGroupIds: [theirs.id] })),
    ).rejects.toMatchObject({ code: "invalid", field: "audienceGroupIds" });
    expect(await db.post.findUniqueOrThrow({ where: { id: Number(post.id) } })).toMatchObject({ audience: "FRIENDS", audienceGroupIds: [], audienceUserIds: [] });
  });
});

describe("changing a post's audience", () => {
  it("from only me to a group reaches the group's feeds; back to friends clears the lists", async () => {
    const w = await world();
    const post = await createPost(w.owner, createPostSchema.parse({ body: `later ${randomUUID()}`, audience: "ONLY_ME" }));
    const id = Number(post.id);
    await setPostAudience(w.owner, setAudienceSchema.parse({ postId: id, audience: "CUSTOM", audienceGroupIds: [w.groupId] }));
    await fanOutPost(id); // the job setPostAudience enqueued
    expect(await seenBy(w, w.member, id)).toEqual(SEEN);
    expect(await seenBy(w, w.other, id)).toEqual(HIDDEN);
    await setPostAudience(w.owner, setAudienceSchema.parse({ postId: id, audience: "FRIENDS" }));
    expect(await db.post.findUniqueOrThrow({ where: { id } })).toMatchObject({ audience: "FRIENDS", audienceGroupIds: [], audienceUserIds: [] });
    expect(await seenBy(w, w.other, id)).toEqual(SEEN);
  });
});

const fanOutJobs = async (postId: number) => {
  const [r] = await db.$queryRaw<{ n: number }[]>`
    SELECT (SELECT count(*) FROM pgboss.job WHERE name = ${QUEUES.feedFanOut} AND data->>'postId' = ${String(postId)})::int
         + (SELECT count(*) FROM pgboss.archive WHERE name = ${QUEUES.feedFanOut} AND data->>'postId' = ${String(postId)})::int AS n`;
  return r!.n;
};

async function addPhoto(owner: SignedInViewer, albumId: number) {
  const body = await jpeg({ width: 48, height: 32 });
  const up = await uploadMedia(owner, { purpose: "photo", albumId, batchKey: randomUUID(), body: Readable.from([body]), declaredBytes: body.length, fileName: "p.jpg", clientKey: randomUUID() });
  await processMedia(up.media.id);
  await fanOutPost(up.photo!.postId);
  return { postId: up.photo!.postId, mediaId: up.media.id };
}

/** Whether `viewer` may fetch the photo's file (what /media/<id>/<variant> runs). */
async function canFetch(viewer: SignedInViewer, mediaId: number) {
  const err = await errorOf(readMedia(viewer, { mediaId, variant: "thumb", range: null, ifNoneMatch: null }));
  if (err) expect((err as AppError).code).toBe("not_found");
  return err === null;
}

describe("an album shown to a group", () => {
  it("passes its chosen viewers to its photos' batch post and files", async () => {
    const w = await world();
    const album = await createAlbum(w.owner, createAlbumSchema.parse({ title: "Trip", ...customTo(w) }));
    expect(album).toMatchObject({ audience: "CUSTOM", chosen: { groups: [{ id: w.groupId, name: "Classmates" }], users: [{ id: w.chosen.id }] } });
    const photo = await addPhoto(w.owner, album.id);
    expect(await db.post.findUniqueOrThrow({ where: { id: photo.postId } })).toMatchObject({
      kind: "photos",
      audience: "CUSTOM",
      audienceGroupIds: [w.groupId],
      audienceUserIds: [w.chosen.id],
    });
    for (const v of [w.owner, w.member, w.chosen]) {
      expect(await seenBy(w, v, photo.postId)).toEqual(SEEN);
      expect(await canFetch(v, photo.mediaId)).toBe(true);
    }
    for (const v of [w.other, w.stranger]) {
      expect(await seenBy(w, v, photo.postId)).toEqual(HIDDEN);
      expect(await canFetch(v, photo.mediaId)).toBe(false);
    }
  });

  it("widened from only me to a group, copies the lists to its batch posts and re-runs their fan-out", async () => {
    const w = await world();
    const album = await createAlbum(w.owner, createAlbumSchema.parse({ title: "Later", audience: "ONLY_ME" }));
    const photo = await addPhoto(w.owner, album.id);
    expect(await canFetch(w.member, photo.mediaId)).toBe(false);
    const jobs = await fanOutJobs(photo.postId);
    const updated = await updateAlbum(w.owner, updateAlbumSchema.parse({ albumId: album.id, audience: "CUSTOM", audienceGroupIds: [w.groupId] }));
    expect(updated.chosen).toEqual({ groups: [{ id: w.groupId, name: "Classmates" }], users: [] });
    expect(await fanOutJobs(photo.postId)).toBe(jobs + 1);
    expect(await db.post.findUniqueOrThrow({ where: { id: photo.postId } })).toMatchObject({ audience: "CUSTOM", audienceGroupIds: [w.groupId], audienceUserIds: [] });
    await fanOutPost(photo.postId); // the job just enqueued
    expect(await seenBy(w, w.member, photo.postId)).toEqual(SEEN);
    expect(await canFetch(w.member, photo.mediaId)).toBe(true);
    expect(await canFetch(w.other, photo.mediaId)).toBe(false);
    // Adding a friend by name widens again; dropping them narrows (no new job).
    await updateAlbum(w.owner, updateAlbumSchema.parse({ albumId: album.id, audience: "CUSTOM", audienceGroupIds: [w.groupId], audienceUserIds: [w.other.id] }));
    expect(await fanOutJobs(photo.postId)).toBe(jobs + 2);
    expect(await canFetch(w.other, photo.mediaId)).toBe(true);
    await updateAlbum(w.owner, updateAlbumSchema.parse({ albumId: album.id, audience: "CUSTOM", audienceGroupIds: [w.groupId] }));
    expect(await fanOutJobs(photo.postId)).toBe(jobs + 2);
    expect(await canFetch(w.other, photo.mediaId)).toBe(false);
  });

  it("refuses someone else's group and changes nothing", async () => {
    const w = await world();
    const album = await createAlbum(w.owner, createAlbumSchema.parse({ title: "Safe", audience: "FRIENDS" }));
    const theirs = await createGroup(w.stranger, { name: "Theirs" });
    await expect(updateAlbum(w.owner, updateAlbumSchema.parse({ albumId: album.id, audience: "CUSTOM", audienceGroupIds: [theirs.id] }))).rejects.toMatchObject({
      field: "audienceGroupIds",
    });
    expect(await db.album.findUniqueOrThrow({ where: { id: album.id } })).toMatchObject({ audience: "FRIENDS", audienceGroupIds: [] });
    const before = await db.album.count({ where: { ownerId: w.owner.id } });
    await expect(createAlbum(w.owner, createAlbumSchema.parse({ title: "Nope", audience: "CUSTOM", audienceUserIds: [w.stranger.id] }))).rejects.toMatchObject({
      field: "audienceUserIds",
    });
    expect(await db.album.count({ where: { ownerId: w.owner.id } })).toBe(before);
  });
});
