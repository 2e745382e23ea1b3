// Comments on items: add / list / delete through the use-cases on the real
// database; replies one level deep; posts.comment_count exact (threads,
// concurrency); "you cannot touch what you cannot see"; who may delete; bad
// input; double submits; the feed cards' preview in one query. What a
// blocked pair see of each other: comments-blocked.test.ts.
import { accessTo } from "@/server/privacy";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { addCommentSchema, COMMENT_MAX_CHARS } from "@/lib/validation/comment";
import { db } from "@/server/db";
import { getPost } from "@/server/posts/get-post";
import { listSpacePosts } from "@/server/posts/list-space-posts";
import { unfriend } from "@/server/social/unfriend";
import { befriend, buildPost, buildUser } from "@/test/factories";
import { countOf, expectNotFound, rowsOf, say } from "@/test/comment-helpers";
import { deleteComment } from "./delete-comment";
import { listComments } from "./list-comments";

async function friendsPost() {
  const [owner, friend] = await Promise.all([buildUser(), buildUser()]);
  await befriend(owner, friend);
  const post = await buildPost(owner, "FRIENDS");
  return { owner, friend, post };
}

describe("adding and listing comments", () => {
  it("a friend comments on a friends item; everyone who sees the item lists it, newest last", async () => {
    const { owner, friend, post } = await friendsPost();
    const first = await say(friend, post.id, "  好看！ ");
    expect(first.comment).toMatchObject({ body: "好看！", postId: String(post.id), parentId: null, replyTo: null, mine: true, author: { id: friend.id } });
    expect(first.commentCount).toBe(1);
    await say(owner, post.id, "谢谢");
    const page = await listComments(owner, { postId: post.id });
    expect(page.items.map((c) => c.body)).toEqual(["好看！", "谢谢"]);
    expect(page.commentCount).toBe(2);
    expect(page.nextCursor).toBeNull();
    // The owner may delete both; the friend only their own.
    expect(page.items.map((c) => c.mine)).toEqual([true, true]);
    expect((await listComments(friend, { postId: post.id })).items.map((c) => c.mine)).toEqual([true, false]);
    expect(await countOf(post.id)).toBe(2);
  });

  it("links in a comment become segments; HTML and script stay text", async () => {
    const { friend, post } = await friendsPost();
    const body = `<script>alert(1)</script><img src=x onerror=alert(2)> see https://example.com/a`;
    const { comment } = await say(friend, post.id, body);
    expect(comment.body).toBe(body);
    expect((await db.comment.findUniqueOrThrow({ where: { id: Number(comment.id) } })).body).toBe(body);
    expect(comment.segments).toEqual([
      { kind: "text", text: "<script>alert(1)</script><img src=x onerror=alert(2)> see " },
      { kind: "link", text: "https://example.com/a", href: "https://example.com/a" },
    ]);
  });

  it("a page is the latest threads; 'Show earlier' pages back by keyset until the first", async () => {
    const { owner, post } = await friendsPost();
    const bodies = Array.from({ length: 45 }, (_, i) => `c${i}`);
    for (const b of bodies) await say(owner, post.id, b);
    const seen: string[][] = [];
    let before: number | undefined;
    for (;;) {
      const page = await listComments(owner, { postId: post.id, before });
      seen.push(page.items.map((c) => c.body));
      if (!page.nextCursor) break;
      before = Number(page.nextCursor);
    }
    expect(seen.map((p) => p.length)).toEqual([20, 20, 5]);
    expect(seen.reverse().flat()).toEqual(bodies);
  });
});

describe("replies, one level deep", () => {
  it("a reply to a reply is filed under the top-level comment and says whom it answers", async () => {
    const { owner, friend, post } = await friendsPost();
    const other = await buildUser({ displayName: "Third Friend" });
    await befriend(owner, other);
    const top = (await say(friend, post.id, "top")).comment;
    const r1 = (await say(owner, post.id, "owner answers", { parentId: top.id })).comment;
    expect(r1).toMatchObject({ parentId: top.id, replyTo: { handle: friend.handle, displayName: friend.displayName } });
    const r2 = (await say(other, post.id, "answering the owner", { parentId: r1.id })).comment;
    expect(r2).toMatchObject({ parentId: top.id, replyTo: { handle: owner.handle, displayName: owner.displayName } });
    const row = await db.comment.findUniqueOrThrow({ where: { id: Number(r2.id) } });
    expect(row).toMatchObject({ parentId: Number(top.id), replyToId: Number(r1.id) });

    const page = await listComments(other, { postId: post.id });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ id: top.id, replyCount: 2 });
    expect(page.items[0]!.replies!.map((r) => [r.body, r.replyTo?.displayName])).toEqual([
      ["owner answers", friend.displayName],
      ["answering the owner", owner.displayName],
    ]);
    expect(await countOf(post.id)).toBe(3);
  });

  it("long threads show their latest replies; earlier replies page back by keyset", async () => {
    const { owner, friend, post } = await friendsPost();
    const top = (await say(friend, post.id, "top")).comment;
    for (let i = 0; i < 13; i++) await say(i % 2 ? friend : owner, post.id, `r${i}`, { parentId: top.id });
    const [thread] = (await listComments(owner, { postId: post.id })).items;
    expect(thread!.replyCount).toBe(13);
    expect(thread!.replies!.map((r) => r.body)).toEqual(Array.from({ length: 10 }, (_, i) => `r${i + 3}`));
    const earlier = await listComments(owner, { postId: post.id, parentId: Number(top.id), before: Number(thread!.replies![0]!.id) });
    expect(earlier.items.map((r) => r.body)).toEqual(["r0", "r1", "r2"]);
    expect(earlier.nextCursor).toBeNull();
  });

  it("a reply to a comment on another item is refused like a missing one, nothing written", async () => {
    const { owner, friend, post } = await friendsPost();
    const elsewhere = await buildPost(owner, "PUBLIC");
    const foreign = (await say(owner, elsewhere.id, "on another item")).comment;
    await expectNotFound(say(friend, post.id, "sneaky", { parentId: foreign.id }));
    await expectNotFound(say(friend, post.id, "no such", { parentId: 2147483000 }));
    expect(await rowsOf(post.id)).toBe(0);
    expect(await countOf(post.id)).toBe(0);
  });
});

describe("you cannot touch what you cannot see", () => {
  it("a stranger commenting on (or listing) a FRIENDS item gets not_found and nothing is written", async () => {
    const { post } = await friendsPost();
    const stranger = await buildUser();
    await expectNotFound(say(stranger, post.id, "hello?"));
    await expectNotFound(listComments(stranger, { postId: post.id }));
    await expectNotFound(listComments(null, { postId: post.id }));
    // Same answer as an item that does not exist.
    await expectNotFound(say(stranger, 2147483000, "hello?"));
    expect(await rowsOf(post.id)).toBe(0);
    expect(await countOf(post.id)).toBe(0);
  });

  it("ONLY_ME and still-processing items take comments from their owner only", async () => {
    const { owner, friend } = await friendsPost();
    const privatePost = await buildPost(owner, "ONLY_ME");
    await expectNotFound(say(friend, privatePost.id, "hi"));
    const processing = await db.post.create({ data: { authorId: owner.id, audience: "PUBLIC", body: "", kind: "video", state: "PROCESSING" } });
    await expectNotFound(say(friend, processing.id, "hi"));
    expect((await say(owner, privatePost.id, "note to self")).commentCount).toBe(1);
  });

  it("a former friend can no longer comment, list or delete their own comment", async () => {
    const { owner, friend, post } = await friendsPost();
    const mine = (await say(friend, post.id, "while friends")).comment;
    await unfriend(friend, { userId: owner.id });
    await expectNotFound(say(friend, post.id, "still here?"));
    await expectNotFound(listComments(friend, { postId: post.id }));
    await expectNotFound(deleteComment(friend, { commentId: Number(mine.id) }));
    expect(await rowsOf(post.id)).toBe(1);
    expect(await countOf(post.id)).toBe(1);
  });

  it("anyone may read and signed-in strangers may comment on a PUBLIC item", async () => {
    const owner = await buildUser();
    const stranger = await buildUser();
    const post = await buildPost(owner, "PUBLIC");
    await say(stranger, post.id, "nice");
    const page = await listComments(null, { postId: post.id });
    expect(page.items.map((c) => [c.body, c.mine])).toEqual([["nice", false]]);
  });
});

describe("deleting comments", () => {
  it("the author deletes their own", async () => {
    const { friend, post } = await friendsPost();
    const c = (await say(friend, post.id, "oops")).comment;
    expect(await deleteComment(friend, { commentId: Number(c.id) })).toEqual({ postId: String(post.id), deleted: 1, commentCount: 0 });
    expect(await rowsOf(post.id)).toBe(0);
  });

  it("the item's owner deletes another's comment", async () => {
    const { owner, friend, post } = await friendsPost();
    const c = (await say(friend, post.id, "rude")).comment;
    await say(friend, post.id, "kept");
    expect((await deleteComment(owner, { commentId: Number(c.id) })).commentCount).toBe(1);
    expect((await listComments(owner, { postId: post.id })).items.map((x) => x.body)).toEqual(["kept"]);
  });

  it("a third user deleting someone else's comment gets not_found and nothing changes", async () => {
    const { owner, friend, post } = await friendsPost();
    const third = await buildUser();
    await befriend(owner, third);
    const c = (await say(friend, post.id, "mine")).comment;
    const onMine = (await say(third, post.id, "third's own")).comment;
    const r = (await say(owner, post.id, "reply", { parentId: c.id })).comment;
    await expectNotFound(deleteComment(third, { commentId: Number(c.id) }));
    await expectNotFound(deleteComment(third, { commentId: Number(r.id) }));
    // Not even the friend who wrote the thread may delete the owner's reply in it.
    await expectNotFound(deleteComment(friend, { commentId: Number(r.id) }));
    // The same answer as a comment that does not exist.
    await expectNotFound(deleteComment(third, { commentId: 2147483000 }));
    expect(await rowsOf(post.id)).toBe(3);
    expect(await countOf(post.id)).toBe(3);
    expect((await listComments(third, { postId: post.id })).items.find((x) => x.id === onMine.id)?.mine).toBe(true);
  });

  it("deleting a top-level comment deletes its replies and counts them all", async () => {
    const { owner, friend, post } = await friendsPost();
    const top = (await say(friend, post.id, "top")).comment;
    const r1 = (await say(owner, post.id, "r1", { parentId: top.id })).comment;
    await say(friend, post.id, "r2", { parentId: r1.id });
    await say(owner, post.id, "another thread");
    expect(await countOf(post.id)).toBe(4);
    expect(await deleteComment(owner, { commentId: Number(top.id) })).toMatchObject({ deleted: 3, commentCount: 1 });
    expect(await rowsOf(post.id)).toBe(1);
    expect(await countOf(post.id)).toBe(1);
  });

  it("deleting a reply leaves the thread; a reply that answered it no longer names whom", async () => {
    const { owner, friend, post } = await friendsPost();
    const top = (await say(friend, post.id, "top")).comment;
    const r1 = (await say(owner, post.id, "r1", { parentId: top.id })).comment;
    await say(friend, post.id, "r2", { parentId: r1.id });
    expect((await deleteComment(owner, { commentId: Number(r1.id) })).deleted).toBe(1);
    const [thread] = (await listComments(owner, { postId: post.id })).items;
    expect(thread!.replies!.map((r) => [r.body, r.replyTo])).toEqual([["r2", null]]);
    expect(await countOf(post.id)).toBe(2);
  });

  it("deleting the same comment twice at once deletes it once", async () => {
    const { owner, friend, post } = await friendsPost();
    const top = (await say(friend, post.id, "top")).comment;
    await say(owner, post.id, "r", { parentId: top.id });
    const results = await Promise.allSettled([deleteComment(owner, { commentId: Number(top.id) }), deleteComment(friend, { commentId: Number(top.id) })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await countOf(post.id)).toBe(0);
  });
});

describe("comment_count stays exact", () => {
  it("under concurrent adds by many people", async () => {
    const owner = await buildUser();
    const post = await buildPost(owner, "PUBLIC");
    const people = await Promise.all(Array.from({ length: 12 }, () => buildUser()));
    await Promise.all(people.flatMap((p) => [say(p, post.id, "one"), say(p, post.id, "two")]));
    expect(await rowsOf(post.id)).toBe(24);
    expect(await countOf(post.id)).toBe(24);
  });

  it("while replies are added to a thread that is being deleted", async () => {
    const { owner, friend, post } = await friendsPost();
    const top = (await say(friend, post.id, "top")).comment;
    await Promise.allSettled([
      ...Array.from({ length: 8 }, (_, i) => say(friend, post.id, `r${i}`, { parentId: top.id })),
      deleteComment(owner, { commentId: Number(top.id) }),
      ...Array.from({ length: 8 }, (_, i) => say(owner, post.id, `r${i + 8}`, { parentId: top.id })),
    ]);
    expect(await countOf(post.id)).toBe(await rowsOf(post.id));
  });
});

describe("bad input and double submits", () => {
  it("over-long, empty and blank bodies are refused with their messages", () => {
    const issue = (body: unknown) => addCommentSchema.safeParse({ postId: 1, body }).error?.issues[0]?.message;
    expect(issue("x".repeat(COMMENT_MAX_CHARS + 1))).toBe("commentTooLong");
    expect(issue("")).toBe("commentEmpty");
    expect(issue("   \n\t ")).toBe("commentEmpty");
    expect(issue("\u202E\u200B")).toBe("commentEmpty");
    expect(issue(undefined)).toBe("commentEmpty");
    // 500 characters (汉字 count as one each) is fine.
    expect(addCommentSchema.safeParse({ postId: 1, body: "字".repeat(COMMENT_MAX_CHARS) }).success).toBe(true);
    // Forged extra fields are refused outright.
    expect(addCommentSchema.safeParse({ postId: 1, body: "hi", authorId: 5 }).success).toBe(false);
  });

  it("the same clientKey twice (also at once) adds one comment and returns it both times", async () => {
    const { friend, post } = await friendsPost();
    const clientKey = randomUUID();
    const [a, b] = await Promise.all([say(friend, post.id, "once", { clientKey }), say(friend, post.id, "once", { clientKey })]);
    const c = await say(friend, post.id, "once", { clientKey });
    expect(new Set([a.comment.id, b.comment.id, c.comment.id]).size).toBe(1);
    expect(await rowsOf(post.id)).toBe(1);
    expect(await countOf(post.id)).toBe(1);
  });
});

describe("comments on cards", () => {
  it("each card carries its latest 3 threads with their latest 2 replies, and the exact count", async () => {
    const { owner, friend, post } = await friendsPost();
    const tops = [];
    for (let i = 0; i < 5; i++) tops.push((await say(friend, post.id, `t${i}`)).comment);
    for (let i = 0; i < 4; i++) await say(owner, post.id, `t4-r${i}`, { parentId: tops[4]!.id });
    const card = await getPost(friend, { postId: post.id });
    expect(card.commentCount).toBe(9);
    expect(card.comments.map((c) => c.body)).toEqual(["t2", "t3", "t4"]);
    expect(card.comments[2]!.replies!.map((r) => r.body)).toEqual(["t4-r2", "t4-r3"]);
    expect(card.comments[2]!.replyCount).toBe(4);
    expect(card.comments[2]!.replies![0]!.mine).toBe(false);
    expect((await getPost(owner, { postId: post.id })).comments[2]!.replies![0]!.mine).toBe(true);
  });

  it("a page of cards loads its comments in one query, however many items it holds", async () => {
    const commenter = await buildUser();
    const queriesFor = async (n: number) => {
      const ownerN = await buildUser();
      for (let i = 0; i < n; i++) {
        const p = await buildPost(ownerN, "PUBLIC");
        await say(commenter, p.id, "a");
        await say(commenter, p.id, "b");
      }
      // Counted where every statement reaches Postgres (Prisma's and queryRows' alike): pg's Client#query.
      const spy = vi.spyOn(pg.Client.prototype, "query");
      try {
        const page = await listSpacePosts(commenter, { ownerId: ownerN.id, access: await accessTo(commenter, ownerN.id) });
        expect(page.items.every((p) => p.comments.length === 2)).toBe(true);
        const text = (q: unknown) => (typeof q === "string" ? q : String((q as { text?: string } | undefined)?.text ?? ""));
        return spy.mock.calls.filter((c) => text(c[0]).includes("FROM comments")).length;
      } finally {
        spy.mockRestore();
      }
    };
    expect(await queriesFor(1)).toBe(1);
    expect(await queriesFor(8)).toBe(1);
  });
});
