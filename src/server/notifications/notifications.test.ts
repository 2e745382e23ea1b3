// Notifications through the real use-cases on the real database: each event
// notifies once, the right person, never oneself, never across a block;
// like/unlike/like notifies once; grouping at read time; the unread count;
// and the privacy rule at read time (an item made private, narrowed to
// others, or whose author blocked the recipient disappears from the list
// and the count).
import pg from "pg";
import { describe, expect, it } from "vitest";
import { addCommentSchema } from "@/lib/validation/comment";
import { leaveMessageSchema } from "@/lib/validation/guestbook";
import { db } from "@/server/db";
import { addComment } from "@/server/comments/add-comment";
import { deleteComment } from "@/server/comments/delete-comment";
import { leaveMessage } from "@/server/guestbook/leave-message";
import { likeComment } from "@/server/likes/like-comment";
import { likePost } from "@/server/likes/like-post";
import { unlikePost } from "@/server/likes/unlike-post";
import { setPostAudience } from "@/server/posts/set-post-audience";
import { respondFriendRequest } from "@/server/social/respond-friend-request";
import { sendFriendRequest } from "@/server/social/send-friend-request";
import { befriend, buildPost, buildUser } from "@/test/factories";
import { listNotifications } from "./list-notifications";
import { markAllRead, markRead } from "./mark-read";
import { notify } from "./notify";
import { unreadCount } from "./unread-count";

type Actor = Awaited<ReturnType<typeof buildUser>>;

const rowsFor = (u: Actor) => db.notification.findMany({ where: { userId: u.id }, orderBy: { id: "asc" } });
const comment = (who: Actor, postId: number, body: string, parentId?: number) => addComment(who, addCommentSchema.parse({ postId, body, parentId }));
const page = async (u: Actor) => (await listNotifications(u, {})).items;
const block = (blocker: Actor, blocked: Actor) => db.block.create({ data: { blockerId: blocker.id, blockedId: blocked.id } });

async function friends() {
  const [a, b] = await Promise.all([buildUser(), buildUser()]);
  await befriend(a, b);
  return { a, b };
}

describe("each event notifies the right person once", () => {
  it("friend request to the receiver; accepting to the sender; both link to people", async () => {
    const [a, b] = await Promise.all([buildUser(), buildUser()]);
    await sendFriendRequest(a, { userId: b.id });
    await sendFriendRequest(a, { userId: b.id }); // a repeated send of a pending request
    expect((await rowsFor(b)).map((n) => [n.type, n.actorId])).toEqual([["friend_request", a.id]]);
    expect((await page(b))[0]).toMatchObject({ type: "friend_request", href: "/friends", unread: true, actors: [{ id: a.id }] });
    expect(await unreadCount(b)).toBe(1);
    await respondFriendRequest(b, { userId: a.id, accept: true });
    expect((await rowsFor(a)).map((n) => [n.type, n.actorId])).toEqual([["friend_accept", b.id]]);
    expect((await page(a))[0]).toMatchObject({ type: "friend_accept", href: `/u/${b.handle}`, unread: true });
    // Answering the request settles its notification.
    expect((await page(b))[0]).toMatchObject({ type: "friend_request", unread: false });
    expect(await unreadCount(b)).toBe(0);
  });

  it("a comment to the item's owner; a reply to the one replied to and to the owner", async () => {
    const { a: owner, b: friend } = await friends();
    const third = await buildUser();
    await befriend(owner, third);
    const post = await buildPost(owner, "FRIENDS");
    const top = await comment(friend, post.id, "nice");
    expect((await rowsFor(owner)).map((n) => [n.type, n.actorId, n.postId, n.commentId])).toEqual([["comment", friend.id, post.id, Number(top.comment.id)]]);
    const reply = await comment(third, post.id, "agreed", Number(top.comment.id));
    expect((await rowsFor(friend)).map((n) => [n.type, n.actorId, n.commentId])).toEqual([["reply", third.id, Number(reply.comment.id)]]);
    expect((await rowsFor(owner)).map((n) => n.type)).toEqual(["comment", "comment"]);
    // The owner replying to a comment on their own item: the commenter hears it, the owner does not hear themselves.
    await comment(owner, post.id, "thanks", Number(top.comment.id));
    expect((await rowsFor(friend)).map((n) => n.type)).toEqual(["reply", "reply"]);
    expect(await db.notification.count({ where: { userId: owner.id } })).toBe(2);
    // The row links to the comment on the item's page.
    const rows = await page(friend);
    expect(rows).toHaveLength(1); // two replies on one item: one row
    expect(rows[0]!.href).toMatch(new RegExp(`^/u/${owner.handle}/post/${post.id}#comment-\\d+$`));
  });

  it("likes on an item and on a comment; like, unlike, like notifies once", async () => {
    const { a: owner, b: friend } = await friends();
    const post = await buildPost(owner, "FRIENDS");
    await likePost(friend, { postId: post.id });
    await unlikePost(friend, { postId: post.id });
    await likePost(friend, { postId: post.id });
    await Promise.all([likePost(friend, { postId: post.id }), likePost(friend, { postId: post.id })]);
    expect((await rowsFor(owner)).map((n) => [n.type, n.actorId, n.postId])).toEqual([["like", friend.id, post.id]]);

    const c = await comment(owner, post.id, "my own comment");
    await likeComment(friend, { commentId: Number(c.comment.id) });
    await likeComment(friend, { commentId: Number(c.comment.id) });
    const likes = (await rowsFor(owner)).filter((n) => n.type === "comment_like");
    expect(likes.map((n) => [n.actorId, n.commentId])).toEqual([[friend.id, Number(c.comment.id)]]);
  });

  it("a guestbook message to the space's owner, linking to the guestbook", async () => {
    const [owner, visitor] = await Promise.all([buildUser(), buildUser()]);
    const entry = await leaveMessage(visitor, leaveMessageSchema.parse({ handle: owner.handle, body: "到此一游" }));
    expect((await rowsFor(owner)).map((n) => [n.type, n.actorId, n.guestbookEntryId])).toEqual([["guestbook", visitor.id, Number(entry.id)]]);
    expect((await page(owner))[0]).toMatchObject({ type: "guestbook", href: `/u/${owner.handle}/guestbook#message-${entry.id}`, excerpt: "到此一游" });
  });

  it("nothing for one's own actions", async () => {
    const me = await buildUser();
    const post = await buildPost(me, "PUBLIC");
    await likePost(me, { postId: post.id });
    const c = await comment(me, post.id, "talking to myself");
    await likeComment(me, { commentId: Number(c.comment.id) });
    await comment(me, post.id, "again", Number(c.comment.id));
    await leaveMessage(me, leaveMessageSchema.parse({ handle: me.handle, body: "note to self" }));
    expect(await rowsFor(me)).toEqual([]);
    expect(await unreadCount(me)).toBe(0);
  });

  it("nothing between a blocked pair, and earlier ones from them are no longer shown", async () => {
    const [owner, fan] = await Promise.all([buildUser(), buildUser()]);
    const post = await buildPost(owner, "PUBLIC");
    await likePost(fan, { postId: post.id });
    expect(await unreadCount(owner)).toBe(1);
    await block(owner, fan);
    // Straight to notify(): the use-cases already refuse a blocked pair; notify() must hold on its own.
    await notify(db, { type: "comment", recipientId: owner.id, actorId: fan.id, postId: post.id });
    await notify(db, { type: "like", recipientId: fan.id, actorId: owner.id, postId: post.id });
    expect(await db.notification.count({ where: { userId: { in: [owner.id, fan.id] } } })).toBe(1);
    expect(await page(owner)).toEqual([]);
    expect(await unreadCount(owner)).toBe(0);
  });
});

describe("reading", () => {
  it("groups the same type on the same item into one row: the latest two named, the others counted", async () => {
    const owner = await buildUser();
    const fans = await Promise.all([buildUser(), buildUser(), buildUser(), buildUser()]);
    const photo = await db.post.create({ data: { authorId: owner.id, kind: "blog", title: "Sunset", body: "an evening", audience: "PUBLIC" } });
    const other = await buildPost(owner, "PUBLIC", "another post");
    for (const f of fans) await likePost(f, { postId: photo.id });
    await likePost(fans[0]!, { postId: other.id });
    await comment(fans[1]!, photo.id, "lovely");
    const rows = await page(owner);
    expect(rows.map((r) => r.type)).toEqual(["comment", "like", "like"]);
    const grouped = rows[2]!;
    expect(grouped).toMatchObject({ actorCount: 4, unread: true, item: { kind: "blog", label: "Sunset" }, href: `/u/${owner.handle}/blog/${photo.id}` });
    expect(grouped.actors.map((a) => a.id)).toEqual([fans[3]!.id, fans[2]!.id]);
    expect(rows[1]).toMatchObject({ actorCount: 1, item: { kind: "status", label: "another post" } });
    expect(rows[0]).toMatchObject({ excerpt: "lovely" });
    // Three rows unread; opening the grouped one marks its four likes read.
    expect(await unreadCount(owner)).toBe(3);
    await markRead(owner, { id: Number(grouped.id) });
    expect(await unreadCount(owner)).toBe(2);
    expect(await db.notification.count({ where: { userId: owner.id, type: "like", postId: photo.id, readAt: null } })).toBe(0);
    expect((await page(owner)).map((r) => r.unread)).toEqual([true, true, false]);
  });

  it("pages by keyset, newest first, without repeats or gaps", async () => {
    const owner = await buildUser();
    const fan = await buildUser();
    const posts = [];
    for (let i = 0; i < 23; i++) posts.push(await buildPost(owner, "PUBLIC", `p${i}`));
    for (const p of posts) await likePost(fan, { postId: p.id });
    const first = await listNotifications(owner, {});
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).not.toBeNull();
    const second = await listNotifications(owner, { before: Number(first.nextCursor) });
    expect(second.nextCursor).toBeNull();
    const labels = [...first.items, ...second.items].map((r) => r.item?.label);
    expect(labels).toEqual(posts.map((_, i) => `p${i}`).reverse());
  });

  it("mark all read stops at the newest row the page showed", async () => {
    const owner = await buildUser();
    const [f1, f2] = await Promise.all([buildUser(), buildUser()]);
    const p1 = await buildPost(owner, "PUBLIC");
    const p2 = await buildPost(owner, "PUBLIC");
    await likePost(f1, { postId: p1.id });
    const shown = await page(owner);
    await likePost(f2, { postId: p2.id }); // arrives after the page was loaded
    await markAllRead(owner, { upTo: Number(shown[0]!.id) });
    expect(await unreadCount(owner)).toBe(1);
    await markAllRead(owner, {});
    expect(await unreadCount(owner)).toBe(0);
  });

  it("one's own mark-read cannot touch someone else's notifications", async () => {
    const owner = await buildUser();
    const [fan, stranger] = await Promise.all([buildUser(), buildUser()]);
    const post = await buildPost(owner, "PUBLIC");
    await likePost(fan, { postId: post.id });
    const [row] = await page(owner);
    await markRead(stranger, { id: Number(row!.id) });
    expect(await unreadCount(owner)).toBe(1);
  });

  it("a notification about an item later made private (ONLY_ME) is neither shown nor counted; widened again, it is back", async () => {
    const { a: owner, b: commenter } = await friends();
    const replier = await buildUser();
    await befriend(owner, replier);
    const post = await buildPost(owner, "FRIENDS");
    const top = await comment(commenter, post.id, "first!");
    await comment(replier, post.id, "second", Number(top.comment.id));
    await likeComment(replier, { commentId: Number(top.comment.id) });
    expect((await page(commenter)).map((r) => r.type)).toEqual(["comment_like", "reply"]);
    expect(await unreadCount(commenter)).toBe(2);

    await setPostAudience(owner, { postId: post.id, audience: "ONLY_ME" });
    expect(await page(commenter)).toEqual([]);
    expect(await unreadCount(commenter)).toBe(0);
    // The owner still sees their own item's notifications.
    expect((await page(owner)).length).toBeGreaterThan(0);

    await setPostAudience(owner, { postId: post.id, audience: "FRIENDS" });
    expect(await unreadCount(commenter)).toBe(2);
  });

  it("CUSTOM without them, or its author blocking them, hides it too; deleting the comment removes it", async () => {
    const { a: owner, b: commenter } = await friends();
    const liker = await buildUser();
    await befriend(owner, liker);
    const post = await buildPost(owner, "FRIENDS");
    const c = await comment(commenter, post.id, "hello");
    await likeComment(liker, { commentId: Number(c.comment.id) });
    expect(await unreadCount(commenter)).toBe(1);

    await db.post.update({ where: { id: post.id }, data: { audience: "CUSTOM", audienceUserIds: [liker.id] } });
    expect(await unreadCount(commenter)).toBe(0);
    await db.post.update({ where: { id: post.id }, data: { audienceUserIds: [liker.id, commenter.id] } });
    expect(await unreadCount(commenter)).toBe(1);

    await block(owner, commenter);
    expect(await page(commenter)).toEqual([]);
    expect(await unreadCount(commenter)).toBe(0);
    await db.block.deleteMany({ where: { blockerId: owner.id } });
    expect(await unreadCount(commenter)).toBe(1);

    await deleteComment(commenter, { commentId: Number(c.comment.id) });
    expect(await rowsFor(commenter)).toEqual([]);
  });

  it("a page costs the same number of queries whatever it holds", async () => {
    const owner = await buildUser();
    const fans = await Promise.all(Array.from({ length: 6 }, () => buildUser()));
    const posts = await Promise.all([buildPost(owner, "PUBLIC"), buildPost(owner, "PUBLIC"), buildPost(owner, "PUBLIC")]);
    for (const f of fans) for (const p of posts) await likePost(f, { postId: p.id });
    await leaveMessage(fans[0]!, leaveMessageSchema.parse({ handle: owner.handle, body: "hi" }));
    const small = await buildUser();
    await likePost(fans[0]!, { postId: (await buildPost(small, "PUBLIC")).id });
    const big = await countQueries(() => listNotifications(owner, {}));
    expect(big).toBe(await countQueries(() => listNotifications(small, {})));
    expect(big).toBeLessThanOrEqual(2);
  });
});

// Counts the statements that reach Postgres (as likes.test.ts does: pg's Client#query).
async function countQueries(run: () => Promise<unknown>): Promise<number> {
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  let n = 0;
  proto.query = function (this: unknown, ...args: unknown[]) {
    n++;
    return original.apply(this, args);
  };
  try {
    await run();
  } finally {
    proto.query = original;
  }
  return n;
}
