import type { Locator, Page } from "@playwright/test";
import { test, expect, open, openUntil, reopen, newMember, postCard, postWithComposer, uniqueSuffix, befriendViaUI } from "./fixtures";

// Comments through the UI across three friends: B comments on A's
// friends-only status from the feed, A replies ("A replied to B"), B sees the
// reply after a reload, C (another friend) gets no delete for others'
// comments, A (the item's owner) deletes B's thread, and the card's count
// follows every step. Signed-out requests for the comments are refused like
// a missing item.


const comments = (card: Locator) => card.getByTestId("comment");
const commentBy = (card: Locator, text: string) => comments(card).filter({ hasText: text });
const countOn = (card: Locator) => card.getByTestId("comment-count");

async function openCard(page: Page, text: string) {
  await openUntil(page, "/", () => expect(postCard(page, text)).toBeVisible({ timeout: 1000 }));
  return postCard(page, text);
}

test("a comment thread on a friends-only status: comment, reply, who may delete, counts", async ({ browser, baseURL, request }) => {
  test.setTimeout(240_000);
  const run = uniqueSuffix();
  const status = `Friends only, with comments ${run}`;
  const bSays = `Looks great ${run}`;
  const aSays = `Thanks B ${run}`;
  // One at a time: three password hashes at once can outlast the sign-up wait on a busy machine.
  const a = await newMember(browser, baseURL!, "cmta");
  const b = await newMember(browser, baseURL!, "cmtb");
  const c = await newMember(browser, baseURL!, "cmtc");
  await befriendViaUI(a, b, 1);
  await befriendViaUI(a, c, 2);

  let postId = "";
  await test.step("A posts a Friends status", async () => {
    await open(a.page, "/");
    postId = await postWithComposer(a.page, status, "Friends");
  });

  await test.step("B comments from the feed; an empty comment is refused next to the field", async () => {
    const card = await openCard(b.page, status);
    await expect(countOn(card)).toHaveText("No comments yet");
    const box = card.getByLabel("Write a comment", { exact: true });
    await box.click();
    await card.getByRole("button", { name: "Comment", exact: true }).click();
    await expect(card.getByText("Write a comment first.")).toBeVisible();
    await expect(box).toHaveAttribute("aria-invalid", "true");
    await box.fill(bSays);
    await expect(card.getByText(`${[...bSays].length} / 500`)).toBeVisible();
    await card.getByRole("button", { name: "Comment", exact: true }).click();
    await expect(commentBy(card, bSays)).toBeVisible();
    await expect(box).toHaveValue("");
    await expect(countOn(card)).toHaveText("1 comment");
  });

  await test.step("A replies to B on the feed card: 'A replied to B'", async () => {
    const card = await openCard(a.page, status);
    await expect(commentBy(card, bSays)).toBeVisible();
    await expect(countOn(card)).toHaveText("1 comment");
    await commentBy(card, bSays).getByRole("button", { name: `Reply to ${b.user.displayName}` }).click();
    const replyBox = card.getByRole("textbox", { name: `Reply to ${b.user.displayName}` });
    await expect(replyBox).toBeFocused();
    await replyBox.fill(aSays);
    await card.getByRole("button", { name: "Reply", exact: true }).click();
    const reply = commentBy(card, aSays);
    await expect(reply).toContainText(`${a.user.displayName} replied to ${b.user.displayName}`);
    await expect(replyBox).toHaveCount(0);
    await expect(countOn(card)).toHaveText("2 comments");
  });

  await test.step("B sees the reply after a reload, on the feed and on the item's own page", async () => {
    await reopen(b.page);
    const card = postCard(b.page, status);
    await expect(commentBy(card, aSays)).toContainText(`${a.user.displayName} replied to ${b.user.displayName}`);
    await expect(countOn(card)).toHaveText("2 comments");
    await open(b.page, `/u/${a.user.handle}/post/${postId}`);
    await expect(commentBy(postCard(b.page, status), aSays)).toBeVisible();
  });

  await test.step("C, another friend, may reply but not delete B's or A's comments", async () => {
    const card = await openCard(c.page, status);
    await expect(commentBy(card, bSays)).toBeVisible();
    await expect(commentBy(card, aSays)).toBeVisible();
    await expect(card.getByRole("button", { name: /^Delete comment by/ })).toHaveCount(0);
    await expect(commentBy(card, bSays).getByRole("button", { name: `Reply to ${b.user.displayName}` })).toBeVisible();
  });

  await test.step("signed out, the comments API answers like a missing item", async () => {
    const hidden = await request.get(`/api/posts/${postId}/comments`);
    const missing = await request.get(`/api/posts/2147483647/comments`);
    expect(missing.status()).toBe(404);
    expect(hidden.status()).toBe(404);
    expect((await hidden.body()).equals(await missing.body())).toBe(true);
    // B, a friend, reads them.
    const res = await b.context.request.get(`/api/posts/${postId}/comments`);
    expect(res.status()).toBe(200);
    const page = (await res.json()) as { items: { body: string; replies: { body: string }[] }[]; commentCount: number };
    expect(page.commentCount).toBe(2);
    expect(page.items.map((t) => [t.body, t.replies.map((r) => r.body)])).toEqual([[bSays, [aSays]]]);
  });

  await test.step("A, the owner, deletes B's comment (and its thread); the count follows", async () => {
    const card = await openCard(a.page, status);
    await expect(countOn(card)).toHaveText("2 comments");
    a.page.once("dialog", (d) => void d.accept());
    await commentBy(card, bSays).getByRole("button", { name: `Delete comment by ${b.user.displayName}` }).click();
    await expect(comments(card)).toHaveCount(0);
    await expect(countOn(card)).toHaveText("No comments yet");
    await reopen(a.page);
    await expect(countOn(postCard(a.page, status))).toHaveText("No comments yet");
    await reopen(b.page);
    await expect(comments(postCard(b.page, status))).toHaveCount(0);
  });

  await Promise.all([a.context.close(), b.context.close(), c.context.close()]);
});
