// Reposts (转发): who may repost what, the exact repost_count, and what the
// repost's card embeds for each viewer as the original changes under it.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { fanOutPost } from "@/server/feed/fan-out";
import { getFeed } from "@/server/feed/get-feed";
import { getPost } from "@/server/posts/get-post";
import { deletePost } from "@/server/posts/delete-post";
import { listSpacePosts } from "@/server/posts/list-space-posts";
import { setPostAudience } from "@/server/posts/set-post-audience";
import { accessTo } from "@/server/privacy";
import type { RepostAttachment } from "@/server/presenters/attachment-types";
import type { PostView } from "@/server/presenters/post";
import type { SignedInViewer } from "@/server/auth/viewer";
import { createRepostSchema } from "@/lib/validation/repost";
import { befriend, buildPost, buildUser, followUser } from "@/test/factories";
import { createRepost } from "./create-repost";

const repost = (viewer: SignedInViewer, raw: Record<string, unknown>) => createRepost(viewer, createRepostSchema.parse(raw));
const countOf = async (postId: number) => (await db.post.findUniqueOrThrow({ where: { id: postId } })).repostCount;
const embed = (p: PostView) => (p.attachment as RepostAttachment).original;

/** The error a call throws, as {code, messageKey} (so two refusals can be compared exactly). */
async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, messageKey: err.messageKey, field: err.field };
    throw err;
  }
  throw new Error("expected a refusal");
}

async function groupOf(owner: { id: number }, members: { id: number }[]) {
  const g = await db.friendGroup.create({ data: { ownerId: owner.id, name: `g ${randomUUID().slice(0, 8)}` } });
  if (members.length) await db.friendGroupMember.createMany({ data: members.map((m) => ({ groupId: g.id, userId: m.id })) });
  return g.id;
}

describe("who may repost what", () => {
  it("reposts a public item with a comment: a repost row, the count, the author's notification", async () => {
    const author = await buildUser();
    const stranger = await buildUser();
    const original = await buildPost(author, "PUBLIC", "the original");

    const view = await repost(stranger, { postId: original.id, body: "  look at this ", audience: "PUBLIC" });
    expect(view).toMatchObject({ kind: "repost", body: "look at this", audience: "PUBLIC", mine: true });
    expect(embed(view)).toMatchObject({ id: String(original.id), kind: "status", excerpt: "the original", author: { id: author.id } });

    const row = await db.post.findUniqueOrThrow({ where: { id: Number(view.id) } });
    expect(row).toMatchObject({ authorId: stranger.id, kind: "repost", repostOfId: original.id });
    expect(await countOf(original.id)).toBe(1);
    const notes = await db.notification.findMany({ where: { userId: author.id } });
    expect(notes).toEqual([expect.objectContaining({ type: "repost", actorId: stranger.id, postId: row.id })]);
  });

  it("allows an empty comment and any audience for the repost, CUSTOM with the reposter's own groups", async () => {
    const author = await buildUser();
    const me = await buildUser();
    const myFriend = await buildUser();
    await befriend(me, myFriend);
    const original = await buildPost(author, "PUBLIC");
    for (const audience of ["FRIENDS", "ONLY_ME"] as const) {
      expect(await repost(me, { postId: original.id, audience })).toMatchObject({ body: "", audience });
    }
    const group = await groupOf(me, [myFriend]);
    const custom = await repost(me, { postId: original.id, audience: "CUSTOM", audienceGroupIds: [group] });
    expect(await db.post.findUniqueOrThrow({ where: { id: Number(custom.id) } })).toMatchObject({ audience: "CUSTOM", audienceGroupIds: [group] });
    // Someone else's group is refused before anything is written.
    const theirs = await groupOf(author, []);
    expect(await refusal(repost(me, { postId: original.id, audience: "CUSTOM", audienceGroupIds: [theirs] }))).toMatchObject({ code: "invalid", field: "audienceGroupIds" });
    expect(await countOf(original.id)).toBe(3);
  });

  it("refuses friends-only, CUSTOM, only-me and unprocessed items the viewer can see, with a clear error", async () => {
    const author = await buildUser();
    const friend = await buildUser();
    await befriend(author, friend);
    const group = await groupOf(author, [friend]);
    const friendsOnly = await buildPost(author, "FRIENDS");
    const custom = await db.post.create({ data: { authorId: author.id, body: "custom", audience: "CUSTOM", audienceGroupIds: [group] } });
    const onlyMe = await buildPost(author, "ONLY_ME");
    const processing = await db.post.create({ data: { authorId: author.id, kind: "video", body: "", audience: "PUBLIC", state: "PROCESSING" } });

    const notPublic = { code: "forbidden", messageKey: "repostNotPublic", field: undefined };
    // The friend sees the first two (CUSTOM: they are in the chosen group) and is told why not.
    await getPost(friend, { postId: custom.id }); // really visible to them
    expect(await refusal(repost(friend, { postId: friendsOnly.id }))).toEqual(notPublic);
    expect(await refusal(repost(friend, { postId: custom.id }))).toEqual(notPublic);
    // The author sees their own only-me and processing items: still not repostable.
    expect(await refusal(repost(author, { postId: onlyMe.id }))).toEqual(notPublic);
    expect(await refusal(repost(author, { postId: processing.id }))).toEqual(notPublic);
    for (const p of [friendsOnly, custom, onlyMe]) expect(await countOf(p.id)).toBe(0);
    expect(await db.post.count({ where: { repostOfId: { in: [friendsOnly.id, custom.id, onlyMe.id, processing.id] } } })).toBe(0);
  });

  it("answers an item the viewer can't see exactly like a missing id", async () => {
    const author = await buildUser();
    const stranger = await buildUser();
    const friendsOnly = await buildPost(author, "FRIENDS");
    const onlyMe = await buildPost(author, "ONLY_ME");
    const missing = await refusal(repost(stranger, { postId: 2147483000 }));
    expect(missing).toEqual({ code: "not_found", messageKey: "notFound", field: undefined });
    expect(await refusal(repost(stranger, { postId: friendsOnly.id }))).toEqual(missing);
    expect(await refusal(repost(stranger, { postId: onlyMe.id }))).toEqual(missing);
    // Blocked either way: the public item is invisible, so it is missing too.
    const pub = await buildPost(author, "PUBLIC");
    await db.block.create({ data: { blockerId: author.id, blockedId: stranger.id } });
    expect(await refusal(repost(stranger, { postId: pub.id }))).toEqual(missing);
    expect(await countOf(pub.id)).toBe(0);
  });

  it("reposting a repost reposts its original", async () => {
    const author = await buildUser();
    const b = await buildUser();
    const c = await buildUser();
    const original = await buildPost(author, "PUBLIC");
    const first = await repost(b, { postId: original.id, body: "via b", audience: "PUBLIC" });
    const second = await repost(c, { postId: Number(first.id), body: "via c" });
    expect((await db.post.findUniqueOrThrow({ where: { id: Number(second.id) } })).repostOfId).toBe(original.id);
    expect(embed(second)?.id).toBe(String(original.id));
    expect(await countOf(original.id)).toBe(2);
    expect(await countOf(Number(first.id))).toBe(0);
  });

  it("a repost whose original is deleted or hidden can't be reposted, with the same answer for both", async () => {
    const author = await buildUser();
    const b = await buildUser();
    const c = await buildUser();
    const deleted = await buildPost(author, "PUBLIC");
    const hidden = await buildPost(author, "PUBLIC");
    const ofDeleted = await repost(b, { postId: deleted.id, audience: "PUBLIC" });
    const ofHidden = await repost(b, { postId: hidden.id, audience: "PUBLIC" });
    await deletePost(author, { postId: deleted.id });
    await setPostAudience(author, { postId: hidden.id, audience: "FRIENDS" });
    const gone = await refusal(repost(c, { postId: Number(ofDeleted.id) }));
    expect(gone).toEqual({ code: "not_found", messageKey: "repostOriginalGone", field: undefined });
    expect(await refusal(repost(c, { postId: Number(ofHidden.id) }))).toEqual(gone);
  });
});

describe("repost_count", () => {
  it("is exact under 20 simultaneous reposts by different users", async () => {
    const author = await buildUser();
    const original = await buildPost(author, "PUBLIC");
    const users = await Promise.all(Array.from({ length: 20 }, () => buildUser()));
    const results = await Promise.allSettled(users.map((u, i) => repost(u, { postId: original.id, body: `r${i}`, audience: "PUBLIC" })));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await db.post.count({ where: { repostOfId: original.id } })).toBe(20);
    expect(await countOf(original.id)).toBe(20);
  });

  it("a double-click (same client key, at once) makes one repost and counts it once", async () => {
    const author = await buildUser();
    const me = await buildUser();
    const original = await buildPost(author, "PUBLIC");
    const clientKey = randomUUID();
    const both = await Promise.all([1, 2, 3].map(() => repost(me, { postId: original.id, body: "once", clientKey })));
    expect(new Set(both.map((p) => p.id)).size).toBe(1);
    expect(await db.post.count({ where: { repostOfId: original.id } })).toBe(1);
    expect(await countOf(original.id)).toBe(1);
  });

  it("goes down when a repost is deleted (once, however many deletes race)", async () => {
    const author = await buildUser();
    const b = await buildUser();
    const c = await buildUser();
    const original = await buildPost(author, "PUBLIC");
    const rb = await repost(b, { postId: original.id });
    await repost(c, { postId: original.id });
    expect(await countOf(original.id)).toBe(2);
    const deletes = await Promise.allSettled([1, 2, 3].map(() => deletePost(b, { postId: Number(rb.id) })));
    expect(deletes.filter((d) => d.status === "fulfilled")).toHaveLength(1);
    expect(await countOf(original.id)).toBe(1);
    // Someone else's repost can't be deleted (it answers like a missing one) and nothing is uncounted.
    expect(await refusal(deletePost(b, { postId: original.id }))).toMatchObject({ code: "not_found" });
    expect(await countOf(original.id)).toBe(1);
  });
});

describe("the repost's embed of its original", () => {
  it("shows 'deleted' (null) once the original is deleted; the repost itself stays", async () => {
    const author = await buildUser();
    const b = await buildUser();
    const original = await buildPost(author, "PUBLIC");
    const r = await repost(b, { postId: original.id, body: "comment stays", audience: "PUBLIC" });
    await deletePost(author, { postId: original.id });
    const after = await getPost(b, { postId: Number(r.id) });
    expect(after.body).toBe("comment stays");
    expect(after.attachment).toEqual({ kind: "repost", original: null });
    expect((await db.post.findUniqueOrThrow({ where: { id: Number(r.id) } })).repostOfId).toBeNull();
  });

  it("narrowing the original hides the embed from a stranger (same as deleted) but not the repost, nor from the author's friend", async () => {
    const author = await buildUser();
    const authorsFriend = await buildUser();
    const b = await buildUser();
    const stranger = await buildUser();
    await befriend(author, authorsFriend);
    const original = await buildPost(author, "PUBLIC", "soon friends-only");
    const r = await repost(b, { postId: original.id, body: "public repost", audience: "PUBLIC" });
    expect(embed(await getPost(stranger, { postId: Number(r.id) }))?.excerpt).toBe("soon friends-only");

    await setPostAudience(author, { postId: original.id, audience: "FRIENDS" });
    const asStranger = await getPost(stranger, { postId: Number(r.id) });
    expect(asStranger.body).toBe("public repost");
    expect(asStranger.attachment).toEqual({ kind: "repost", original: null });
    expect(embed(await getPost(authorsFriend, { postId: Number(r.id) }))).toMatchObject({ id: String(original.id), audience: "FRIENDS" });
    // Signed out: the same.
    expect((await getPost(null, { postId: Number(r.id) })).attachment).toEqual({ kind: "repost", original: null });
  });

  it("a viewer the original's author blocked sees 'deleted' in the embed", async () => {
    const author = await buildUser();
    const b = await buildUser();
    const viewer = await buildUser();
    const original = await buildPost(author, "PUBLIC");
    const r = await repost(b, { postId: original.id, audience: "PUBLIC" });
    await db.block.create({ data: { blockerId: author.id, blockedId: viewer.id } });
    expect((await getPost(viewer, { postId: Number(r.id) })).attachment).toEqual({ kind: "repost", original: null });
    expect(embed(await getPost(b, { postId: Number(r.id) }))).not.toBeNull();
  });
});

describe("where reposts appear", () => {
  it("in the reposter's friends' and followers' feeds (fan-out) and on the reposter's status tab", async () => {
    const a = await buildUser();
    const b = await buildUser();
    const c = await buildUser();
    const follower = await buildUser();
    await befriend(a, b);
    await befriend(b, c);
    await followUser(follower, b);
    for (const u of [c, follower]) await getFeed(u, {}); // they have inboxes: delivery is by fan-out
    const original = await buildPost(a, "PUBLIC", "a's public post");
    const r = await repost(b, { postId: original.id, body: "b's comment", audience: "PUBLIC" });
    expect((await getFeed(c, {})).items.map((p) => p.id)).not.toContain(r.id); // the job has not run yet
    await fanOutPost(Number(r.id)); // the job createRepost enqueued
    for (const u of [c, follower]) {
      const item = (await getFeed(u, {})).items.find((p) => p.id === r.id);
      expect(item).toMatchObject({ kind: "repost", body: "b's comment", author: { id: b.id } });
      expect(embed(item!)).toMatchObject({ excerpt: "a's public post", author: { id: a.id } });
    }
    // C is not A's friend: A's post itself is not in C's feed, only the repost.
    expect((await getFeed(c, {})).items.map((p) => p.id)).not.toContain(String(original.id));
    const tab = await listSpacePosts(c, { ownerId: b.id, access: await accessTo(c, b.id), kind: "status" });
    expect(tab.items.map((p) => p.id)).toContain(r.id);
  });

  it("a friends-only repost is not shown to the reposter's followers", async () => {
    const a = await buildUser();
    const b = await buildUser();
    const follower = await buildUser();
    await followUser(follower, b);
    const original = await buildPost(a, "PUBLIC");
    const r = await repost(b, { postId: original.id, audience: "FRIENDS" });
    await fanOutPost(Number(r.id));
    expect((await getFeed(follower, {})).items.map((p) => p.id)).not.toContain(r.id);
    expect(await refusal(getPost(follower, { postId: Number(r.id) }))).toMatchObject({ code: "not_found" });
  });

  it("loads every embed of a page in the same number of SQL statements, for 2 reposts or 12", async () => {
    // Counted where statements reach Postgres (as in likes.test.ts): @prisma/adapter-pg goes through pg's Client#query.
    async function statementsFor(viewer: SignedInViewer, owner: { id: number }) {
      const access = await accessTo(viewer, owner.id);
      let n = 0;
      const original = pg.Client.prototype.query;
      const spy = vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
        n++;
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } as never);
      try {
        const page = await listSpacePosts(viewer, { ownerId: owner.id, access, kind: "status" });
        return { n, embeds: page.items.map(embed) };
      } finally {
        spy.mockRestore();
      }
    }
    const viewer = await buildUser();
    const [few, many] = [await buildUser(), await buildUser()];
    const authors = await Promise.all(Array.from({ length: 4 }, () => buildUser()));
    const originals = await Promise.all(authors.flatMap((a) => [1, 2, 3].map(() => buildPost(a, "PUBLIC"))));
    for (const o of originals) await repost(many, { postId: o.id, audience: "PUBLIC" });
    for (const o of originals.slice(0, 2)) await repost(few, { postId: o.id, audience: "PUBLIC" });
    await deletePost(authors[3]!, { postId: originals[11]!.id });
    await setPostAudience(authors[2]!, { postId: originals[8]!.id, audience: "FRIENDS" });

    const small = await statementsFor(viewer, few);
    const large = await statementsFor(viewer, many);
    expect(small.embeds.filter((e) => e !== null)).toHaveLength(2);
    expect(large.embeds).toHaveLength(12);
    expect(large.embeds.filter((e) => e === null)).toHaveLength(2); // one deleted, one narrowed
    expect(large.n).toBe(small.n);
  });
});

describe("an @mention in a repost's comment", () => {
  it("notifies the mentioned who may see the repost, and no one else", async () => {
    const [author, reposter, friend, stranger] = await Promise.all([buildUser(), buildUser(), buildUser(), buildUser()]);
    await befriend(reposter, friend);
    const original = await buildPost(author, "PUBLIC");
    const mentions = (u: { id: number }) => db.notification.count({ where: { userId: u.id, type: "mention" } });
    await createRepost(reposter, createRepostSchema.parse({ postId: original.id, body: `for @${friend.handle} and @${stranger.handle}`, audience: "FRIENDS" }));
    expect(await mentions(friend)).toBe(1);
    expect(await mentions(stranger)).toBe(0);
  });
});

describe("the Repost button's target", () => {
  it("is the item when everyone may see it, the original for a repost, and nothing otherwise", async () => {
    const [author, reposter] = await Promise.all([buildUser(), buildUser()]);
    await befriend(author, reposter);
    const pub = await buildPost(author, "PUBLIC");
    const fr = await buildPost(author, "FRIENDS");
    expect((await getPost(reposter, { postId: pub.id })).repostTarget).toEqual({ id: String(pub.id), count: 0 });
    expect((await getPost(reposter, { postId: fr.id })).repostTarget).toBeNull();
    const repost = await createRepost(reposter, createRepostSchema.parse({ postId: pub.id, audience: "PUBLIC" }));
    expect((await getPost(author, { postId: Number(repost.id) })).repostTarget).toEqual({ id: String(pub.id), count: 1 });
    await setPostAudience(author, { postId: pub.id, audience: "FRIENDS" });
    expect((await getPost(reposter, { postId: Number(repost.id) })).repostTarget).toBeNull();
  });
});
