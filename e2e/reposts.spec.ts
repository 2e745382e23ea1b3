import type { Page } from "@playwright/test";
import { test, expect, open, openUntil, newMember, posts, postCard, postWithComposer, uniqueSuffix, befriendViaUI } from "./fixtures";

// Reposts (转发) across three people: A posts publicly; B (A's friend) reposts
// it from the feed with a comment, for friends; C (B's friend, a stranger to
// A) sees B's repost in their feed with the comment and the embedded
// original, though not A's post itself. A deletes the original: C's repost
// card then says the original was deleted, the comment stays.

const cardById = (page: Page, id: string) => page.locator(`article[data-testid=post][data-post-id="${id}"]`);

test("repost with a comment reaches the reposter's friends; a deleted original shows as deleted", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const run = uniqueSuffix();
  const original = `A public thought ${run}`;
  const comment = `B says read this ${run}`;
  const a = await newMember(browser, baseURL!, "rpa");
  const b = await newMember(browser, baseURL!, "rpb");
  const c = await newMember(browser, baseURL!, "rpc");
  await befriendViaUI(a, b, 1);
  await befriendViaUI(b, c, 2); // C asks B; B accepts

  let originalId = "";
  await test.step("A posts publicly; a friends-only post of A's has no repost button", async () => {
    await open(a.page, "/");
    await postWithComposer(a.page, `Just friends ${run}`, "Friends");
    originalId = await postWithComposer(a.page, original, "Everyone");
    await expect(cardById(a.page, originalId).getByTestId("repost-button")).toBeVisible();
    await expect(postCard(a.page, `Just friends ${run}`).getByTestId("repost-button")).toHaveCount(0);
  });

  let repostId = "";
  await test.step("B reposts it from the feed with a comment, for friends", async () => {
    await openUntil(b.page, "/", () => expect(cardById(b.page, originalId)).toBeVisible({ timeout: 1000 }));
    const card = cardById(b.page, originalId);
    await card.getByRole("button", { name: "Repost" }).click();
    const dialog = b.page.getByRole("dialog", { name: "Repost" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel("Add a comment (optional)")).toBeFocused();
    await dialog.getByLabel("Add a comment (optional)").fill(comment);
    await dialog.getByLabel("Who can see your repost").selectOption({ label: "Friends" });
    await dialog.getByRole("button", { name: "Repost", exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(card.getByRole("status").filter({ hasText: "Reposted to your space." })).toBeVisible();
    await expect(card.getByTestId("repost-button")).toContainText("1");
    // The repost is on B's space, status tab, with the embedded original.
    await card.getByRole("link", { name: "See it" }).click();
    await expect(b.page).toHaveURL(new RegExp(`/u/${b.user.handle}/post/\\d+$`));
    repostId = b.page.url().split("/").pop()!;
    await open(b.page, `/u/${b.user.handle}`);
    const onSpace = cardById(b.page, repostId);
    await expect(onSpace).toContainText(comment);
    await expect(onSpace.getByTestId("repost-original")).toContainText(original);
  });

  await test.step("C (not A's friend) sees B's repost with the comment and the original; not A's post itself", async () => {
    await openUntil(c.page, "/", () => expect(cardById(c.page, repostId)).toBeVisible({ timeout: 1000 }));
    const card = cardById(c.page, repostId);
    await expect(card).toContainText(b.user.displayName);
    await expect(card).toContainText(comment);
    const embed = card.getByTestId("repost-original");
    await expect(embed).toContainText(original);
    await expect(embed).toContainText(a.user.displayName);
    await expect(cardById(c.page, originalId)).toHaveCount(0);
    // The embed links to the original, which C may open (it is public).
    await embed.getByRole("link", { name: "Open the original" }).click();
    await expect(c.page).toHaveURL(new RegExp(`/u/${a.user.handle}/post/${originalId}$`));
    await expect(postCard(c.page, original)).toBeVisible();
  });

  await test.step("A sees the count on the original, then deletes it", async () => {
    await open(a.page, `/u/${a.user.handle}`);
    const card = cardById(a.page, originalId);
    await expect(card.getByTestId("repost-button")).toContainText("1");
    a.page.once("dialog", (d) => d.accept());
    await card.getByRole("button", { name: "Delete" }).click();
    await expect(card).toHaveCount(0);
  });

  await test.step("C's repost card now says the original was deleted; the comment stays", async () => {
    await open(c.page, "/");
    const card = cardById(c.page, repostId);
    await expect(card).toContainText(comment);
    await expect(card.getByTestId("repost-original-deleted")).toHaveText("The original has been deleted.");
    await expect(card).not.toContainText(original);
    await expect(card.getByTestId("repost-button")).toHaveCount(0);
    expect(await posts(c.page).filter({ hasText: original }).count()).toBe(0);
  });
});
