// What a blocked pair see of each other in a third user's comments: the
// other side's comments and threads are gone, a reply to them names nobody,
// and every count leaves out what is hidden (rules: privacy/comment-sql.ts).
import { describe, expect, it } from "vitest";
import { getPost } from "@/server/posts/get-post";
import { buildPost, buildUser } from "@/test/factories";
import { blockForTest } from "@/test/social-factories";
import { countOf, expectNotFound, rowsOf, say } from "@/test/comment-helpers";
import { deleteComment } from "./delete-comment";
import { listComments } from "./list-comments";

describe("a blocked pair in a third user's comments", () => {
  // C owns a PUBLIC item; D starts a thread, X replies in it and C answers X;
  // X also starts a thread of their own, which C answers. Then V and X become
  // a blocked pair (each direction in turn).
  async function scene(direction: "viewer blocks" | "blocked by") {
    const [c, d, x, v] = await Promise.all([buildUser(), buildUser(), buildUser({ displayName: "Xavier Hidden" }), buildUser()]);
    const post = await buildPost(c, "PUBLIC");
    const dTop = (await say(d, post.id, "d top")).comment;
    const xReply = (await say(x, post.id, "x reply", { parentId: dTop.id })).comment;
    await say(c, post.id, "c answers x", { parentId: xReply.id });
    const xTop = (await say(x, post.id, "x top")).comment;
    const cInX = (await say(c, post.id, "c in x's thread", { parentId: xTop.id })).comment;
    if (direction === "viewer blocks") await blockForTest(v, x);
    else await blockForTest(x, v);
    return { c, d, x, v, post, dTop, xTop, cInX };
  }

  for (const direction of ["viewer blocks", "blocked by"] as const) {
    it(`${direction}: C's reply to X stays, without X's name; threads, replies and counts are what the viewer sees`, async () => {
      const { d, x, v, post, dTop, xTop, cInX } = await scene(direction);
      const seenBy = (page: { items: { body: string; replyTo: { displayName: string } | null; replyCount?: number; replies?: { body: string; replyTo: { displayName: string } | null }[] }[] }) =>
        page.items.map((t) => [t.body, t.replyCount, t.replies!.map((r) => [r.body, r.replyTo?.displayName ?? null])]);

      // The list: X's thread and X's reply are gone, C's answer to X names nobody.
      const page = await listComments(v, { postId: post.id });
      expect(seenBy(page)).toEqual([["d top", 1, [["c answers x", null]]]]);
      expect(page.commentCount).toBe(2);
      expect(JSON.stringify(page)).not.toContain(x.handle);
      expect(JSON.stringify(page)).not.toContain("Xavier Hidden");
      // The card says the same.
      const card = await getPost(v, { postId: post.id });
      expect(seenBy({ items: card.comments })).toEqual(seenBy(page));
      expect(card.commentCount).toBe(2);
      expect(JSON.stringify(card.comments)).not.toContain("Xavier Hidden");
      // Asking for X's thread by id shows nothing of it, and the same count.
      const xThread = await listComments(v, { postId: post.id, parentId: Number(xTop.id) });
      expect(xThread.items).toEqual([]);
      expect(xThread.commentCount).toBe(2);
      // Counts V is handed back after writing and deleting agree too.
      const mine = await say(v, post.id, "v too", { parentId: dTop.id });
      expect(mine.commentCount).toBe(3);
      expect((await deleteComment(v, { commentId: Number(mine.comment.id) })).commentCount).toBe(2);
      // Replying into X's thread (a forged id) is refused like a missing comment, nothing written.
      await expectNotFound(say(v, post.id, "into x's thread", { parentId: cInX.id }));
      expect(await rowsOf(post.id)).toBe(5);

      // Someone outside the pair sees everything, names included.
      const full = await listComments(d, { postId: post.id });
      expect(seenBy(full)).toEqual([
        ["d top", 2, [["x reply", d.displayName], ["c answers x", "Xavier Hidden"]]],
        ["x top", 1, [["c in x's thread", "Xavier Hidden"]]],
      ]);
      expect(full.commentCount).toBe(5);
      expect(await countOf(post.id)).toBe(5);
    });
  }

  it("a card whose latest threads are all by the other side shows the earlier ones, with their count", async () => {
    const [c, d, x, v] = await Promise.all([buildUser(), buildUser(), buildUser(), buildUser()]);
    const post = await buildPost(c, "PUBLIC");
    await say(d, post.id, "early");
    for (let i = 0; i < 3; i++) await say(x, post.id, `x${i}`);
    await blockForTest(v, x);
    const card = await getPost(v, { postId: post.id });
    expect(card.comments.map((t) => t.body)).toEqual(["early"]);
    expect(card.commentCount).toBe(1);
    // Only the other side's comments: nothing, and a count of 0.
    const onlyX = await buildPost(c, "PUBLIC");
    await say(x, onlyX.id, "x alone");
    const empty = await getPost(v, { postId: onlyX.id });
    expect([empty.comments, empty.commentCount]).toEqual([[], 0]);
    expect((await listComments(v, { postId: onlyX.id })).commentCount).toBe(0);
  });
});
