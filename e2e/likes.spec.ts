import type { Locator, Page } from "@playwright/test";
import { test, expect, createPostViaApi, newContext, newMember, open, openUntil, postCard, postWithComposer, reopen, uniqueSuffix, befriendViaUI } from "./fixtures";

// 赞 through the UI across three friends: B likes A's friends-only status
// from the feed (pressed, count 1), it survives a reload, B unlikes (0); C
// likes it and A's card names C ("… liked this"), whose list opens with C in
// it. A signed-out visitor sees a public item's count; its button is a link to sign in.


// The item's own like bar (comments may carry like buttons of their own).
const likeBar = (card: Locator) => card.getByTestId("like-bar");
// "Like" or "Like 3": the count is part of the button's name; "liked this" is not matched.
const likeButton = (card: Locator) => likeBar(card).getByRole("button", { name: /^Like( \d+)?$/ });

async function openCard(page: Page, text: string) {
  await openUntil(page, "/", () => expect(postCard(page, text)).toBeVisible({ timeout: 1000 }));
  return postCard(page, text);
}

async function expectLike(card: Locator, pressed: boolean, count: number) {
  const button = likeButton(card);
  await expect(button).toHaveAttribute("aria-pressed", String(pressed));
  await expect(button).not.toHaveAttribute("aria-busy", "true");
  await expect(button).toHaveAccessibleName(count > 0 ? `Like ${count}` : "Like");
}

test("like and unlike a friends-only status from the feed; the owner sees who liked it", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const run = uniqueSuffix();
  const status = `Friends only, likeable ${run}`;
  const [a, b, c] = await Promise.all([newMember(browser, baseURL!, "likea"), newMember(browser, baseURL!, "likeb"), newMember(browser, baseURL!, "likec")]);
  await befriendViaUI(a, b, 1);
  await befriendViaUI(a, c, 2);

  await test.step("A posts a Friends status: no likes yet", async () => {
    await open(a.page, "/");
    await postWithComposer(a.page, status, "Friends");
    await expectLike(postCard(a.page, status), false, 0);
    await expect(likeBar(postCard(a.page, status)).getByTestId("likers-summary")).toHaveCount(0);
  });

  await test.step("B likes it from the feed: pressed, count 1, and still so after a reload", async () => {
    const card = await openCard(b.page, status);
    await expectLike(card, false, 0);
    await likeButton(card).click();
    await expectLike(card, true, 1);
    await expect(likeBar(card).getByTestId("likers-summary")).toHaveText("You liked this");
    await reopen(b.page);
    await expectLike(postCard(b.page, status), true, 1);
  });

  await test.step("B unlikes it: 0, and still 0 after a reload", async () => {
    const card = postCard(b.page, status);
    await likeButton(card).click();
    await expectLike(card, false, 0);
    await reopen(b.page);
    await expectLike(postCard(b.page, status), false, 0);
  });

  await test.step("C likes it; A's card names C and the list shows C", async () => {
    const card = await openCard(c.page, status);
    await likeButton(card).click();
    await expectLike(card, true, 1);

    await open(a.page, "/");
    const mine = postCard(a.page, status);
    await expectLike(mine, false, 1);
    const summary = likeBar(mine).getByTestId("likers-summary");
    await expect(summary).toHaveText(`${c.user.displayName} liked this`);
    await summary.click();
    const dialog = a.page.getByRole("dialog", { name: "Liked by 1 person" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("link", { name: c.user.displayName })).toHaveAttribute("href", `/u/${c.user.handle}`);
    await expect(dialog.getByRole("link")).toHaveCount(1);
    await a.page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  });

  await test.step("a signed-out visitor sees a public item's count; the button is a link to sign in", async () => {
    const open_ = `Everyone can see this ${run}`;
    await createPostViaApi(a.context.request, open_, "PUBLIC");
    await open(c.page, `/u/${a.user.handle}`);
    const card = postCard(c.page, open_);
    await likeButton(card).click();
    await expectLike(card, true, 1);

    const context = await newContext(browser, baseURL!);
    const page = await context.newPage();
    await open(page, `/u/${a.user.handle}`);
    const seen = postCard(page, open_);
    const signIn = likeBar(seen).getByRole("link", { name: "Like 1" });
    await expect(signIn).toBeVisible();
    await expect(likeButton(seen)).toHaveCount(0);
    await expect(likeBar(seen).getByTestId("likers-summary")).toHaveText(`${c.user.displayName} liked this`);
    await signIn.click();
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    await context.close();
  });
});
