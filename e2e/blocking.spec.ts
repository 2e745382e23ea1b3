import type { Page } from "@playwright/test";
import { test, expect, open, openUntil, newMember, postCard, postWithComposer, uniqueSuffix, befriendViaUI } from "./fixtures";

// Blocking through the UI: A and B are friends and B sees A's friends-only
// status in the feed. A opens B's space, More, Block, reads what it does in
// the confirmation and confirms (by keyboard); A lands on the blocked list in
// Settings. B's feed no longer shows A's status, and B gets the 404 page for
// A's space and for the status itself. A unblocks from Settings; the
// friendship does not come back (B sees A's space again as a stranger).

async function expectNotFoundPage(page: Page, url: string) {
  const res = await open(page, url);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
}

test("A blocks friend B from B's space: B loses A's posts and space; A unblocks in Settings", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const run = uniqueSuffix();
  const status = `Only for friends ${run}`;
  const a = await newMember(browser, baseURL!, "blka");
  const b = await newMember(browser, baseURL!, "blkb");
  await befriendViaUI(a, b);

  let postId = "";
  await test.step("A posts a Friends status; B sees it in the feed", async () => {
    await open(a.page, "/");
    postId = await postWithComposer(a.page, status, "Friends");
    await openUntil(b.page, "/", () => expect(postCard(b.page, status)).toBeVisible({ timeout: 1000 }));
  });

  await test.step("A opens More on B's space: Cancel in the confirmation changes nothing", async () => {
    await open(a.page, `/u/${b.user.handle}`);
    const more = a.page.getByRole("button", { name: `More actions for ${b.user.displayName}` });
    await more.click();
    await expect(a.page.getByRole("menuitem", { name: "Report user" })).toBeVisible();
    await a.page.getByRole("menuitem", { name: "Block" }).click();
    const dialog = a.page.getByRole("dialog", { name: `Block ${b.user.displayName}?` });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("Your friendship ends");
    // Focus starts on Cancel, the safe choice.
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await a.page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(more).toBeFocused();
    await expect(a.page.getByRole("button", { name: "Unfriend" })).toBeVisible();
  });

  await test.step("A blocks B with the keyboard and lands on the blocked list in Settings", async () => {
    const more = a.page.getByRole("button", { name: `More actions for ${b.user.displayName}` });
    await more.focus();
    await a.page.keyboard.press("Enter");
    const menu = a.page.getByRole("menu");
    await expect(menu.getByRole("menuitem").first()).toBeFocused();
    await a.page.keyboard.press("ArrowDown");
    await expect(menu.getByRole("menuitem", { name: "Block" })).toBeFocused();
    await a.page.keyboard.press("Enter");
    const dialog = a.page.getByRole("dialog", { name: `Block ${b.user.displayName}?` });
    await a.page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: `Block ${b.user.displayName}` })).toBeFocused();
    await a.page.keyboard.press("Enter");
    await expect(a.page).toHaveURL(/\/settings#blocked$/);
    const blocked = a.page.getByRole("region", { name: "Blocked people" });
    await expect(blocked.getByRole("listitem").filter({ hasText: b.user.displayName })).toBeVisible();
    await expect(blocked.getByRole("button", { name: `Unblock ${b.user.displayName}` })).toBeVisible();
  });

  await test.step("B's feed no longer shows A's status; A's space and the status are the 404 page for B", async () => {
    await open(b.page, "/");
    await expect(b.page.getByLabel("What's on your mind?")).toBeVisible();
    await expect(postCard(b.page, status)).toHaveCount(0);
    await expectNotFoundPage(b.page, `/u/${a.user.handle}`);
    await expectNotFoundPage(b.page, `/u/${a.user.handle}/post/${postId}`);
    await expectNotFoundPage(b.page, `/u/${a.user.handle}/guestbook`);
    // And the other way round: B's space is hidden from A.
    await expectNotFoundPage(a.page, `/u/${b.user.handle}`);
  });

  await test.step("A unblocks B in Settings: B sees A's space again, as a stranger (the friendship is gone)", async () => {
    await open(a.page, "/settings");
    const blocked = a.page.getByRole("region", { name: "Blocked people" });
    await blocked.getByRole("button", { name: `Unblock ${b.user.displayName}` }).click();
    await expect(blocked.getByRole("status")).toHaveText(`${b.user.displayName} is no longer blocked.`);
    await expect(blocked.getByTestId("blocked-empty")).toBeVisible();
    await open(a.page, "/settings");
    await expect(a.page.getByRole("region", { name: "Blocked people" }).getByTestId("blocked-empty")).toBeVisible();

    const res = await open(b.page, `/u/${a.user.handle}`);
    expect(res?.status()).toBe(200);
    await expect(b.page.getByRole("button", { name: "Add friend" })).toBeVisible();
    await expect(postCard(b.page, status)).toHaveCount(0);
    await open(b.page, "/");
    await expect(postCard(b.page, status)).toHaveCount(0);
  });

  await a.context.close();
  await b.context.close();
});
