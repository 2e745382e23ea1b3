import type { Page } from "@playwright/test";
import { test, expect, hydrated, open, openUntil, newMember, posts, postCard, postWithComposer, uniqueSuffix, befriendViaUI } from "./fixtures";

// The home feed's filters, through the UI: A's feed holds statuses from A, B
// and C, B's blog and A's repost of C's post. Kind filters show only that
// kind (Status includes reposts) with an empty state of their own; the
// selection is in the URL and the links work from the keyboard. A friend
// group made on /friends/groups narrows the feed to its members, combined
// with a kind.

const filters = (page: Page) => page.getByRole("navigation", { name: "Show in your feed" });

async function choose(page: Page, name: string, url: RegExp) {
  await filters(page).getByRole("link", { name, exact: true }).click();
  await expect(page).toHaveURL(url);
  await expect(filters(page).getByRole("link", { name, exact: true })).toHaveAttribute("aria-current", "page");
  await hydrated(page);
}

test("filter the feed by kind and by friend group", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const run = uniqueSuffix();
  const aStatus = `A status ${run}`;
  const bStatus = `B status ${run}`;
  const cStatus = `C public status ${run}`;
  const blogTitle = `B blog ${run}`;
  const repostComment = `A reposts C ${run}`;
  const a = await newMember(browser, baseURL!, "ffa");
  const b = await newMember(browser, baseURL!, "ffb");
  const c = await newMember(browser, baseURL!, "ffc");
  await befriendViaUI(a, b, 1);
  await befriendViaUI(a, c, 2);

  await test.step("B posts a status and a blog, C a public status; A posts and reposts C's", async () => {
    await open(b.page, "/");
    await postWithComposer(b.page, bStatus, "Friends");
    await open(b.page, "/blog/write");
    await b.page.getByLabel("Title", { exact: true }).fill(blogTitle);
    await b.page.getByLabel("Body", { exact: true }).fill("A few words for the blog filter.");
    await b.page.getByLabel("Who can see it", { exact: true }).selectOption({ label: "Friends" });
    await b.page.getByRole("button", { name: "Publish" }).click();
    await expect(b.page).toHaveURL(new RegExp(`/u/${b.user.handle}/blog/\\d+$`), { timeout: 15_000 });
    await open(c.page, "/");
    const cId = await postWithComposer(c.page, cStatus, "Everyone");

    await open(a.page, "/");
    await postWithComposer(a.page, aStatus, "Friends");
    await openUntil(a.page, "/", () => expect(a.page.locator(`article[data-post-id="${cId}"]`)).toBeVisible({ timeout: 1000 }));
    await a.page.locator(`article[data-post-id="${cId}"]`).getByRole("button", { name: "Repost" }).click();
    const dialog = a.page.getByRole("dialog", { name: "Repost" });
    await dialog.getByLabel("Add a comment (optional)").fill(repostComment);
    await dialog.getByRole("button", { name: "Repost", exact: true }).click();
    await expect(dialog).toHaveCount(0);
  });

  await test.step("All shows everything; Blog only the blog", async () => {
    await openUntil(a.page, "/", async () => {
      for (const text of [aStatus, bStatus, blogTitle, repostComment]) await expect(postCard(a.page, text).first()).toBeVisible({ timeout: 1000 });
    });
    await expect(filters(a.page).getByRole("link", { name: "All", exact: true })).toHaveAttribute("aria-current", "page");
    await choose(a.page, "Blog", /\/\?kind=blog$/);
    await expect(postCard(a.page, blogTitle)).toBeVisible();
    await expect(posts(a.page)).toHaveCount(1);
  });

  await test.step("from the keyboard: Status & reposts shows statuses and the repost, not the blog", async () => {
    await filters(a.page).getByRole("link", { name: "Status & reposts" }).focus();
    await a.page.keyboard.press("Enter");
    await expect(a.page).toHaveURL(/\/\?kind=status$/);
    await hydrated(a.page);
    for (const text of [aStatus, bStatus, cStatus, repostComment]) await expect(postCard(a.page, text).first()).toBeVisible();
    await expect(postCard(a.page, blogTitle)).toHaveCount(0);
    await expect(postCard(a.page, repostComment).getByTestId("repost-original")).toContainText(cStatus);
  });

  await test.step("Photos has nothing yet: its own empty state, with a way back to everything", async () => {
    await choose(a.page, "Photos", /\/\?kind=photos$/);
    await expect(a.page.getByTestId("feed-empty")).toContainText("No photos in your feed yet.");
    await expect(posts(a.page)).toHaveCount(0);
    await a.page.getByRole("link", { name: "Show everything" }).click();
    await expect(a.page).toHaveURL(/\/$/);
    await expect(postCard(a.page, blogTitle)).toBeVisible();
  });

  const group = `Close ${run}`.slice(0, 30);
  await test.step("A makes a friend group with B on /friends/groups", async () => {
    await open(a.page, "/friends/groups");
    await a.page.getByLabel("New group", { exact: true }).fill(group);
    await a.page.getByRole("button", { name: "Create group" }).click();
    const card = a.page.getByTestId("group").filter({ hasText: group });
    await expect(card).toBeVisible();
    await card.getByRole("button", { name: "Add friends" }).click();
    await card.getByRole("checkbox", { name: new RegExp(b.user.displayName) }).check();
    await card.getByRole("button", { name: "Add 1 friend" }).click();
    await expect(card.getByRole("list", { name: `Members of ${group}` })).toContainText(b.user.displayName);
  });

  await test.step("the group filter shows only its members' items, and combines with a kind", async () => {
    await open(a.page, "/");
    await filters(a.page).getByRole("link", { name: group, exact: true }).click();
    await expect(a.page).toHaveURL(/\/\?group=\d+$/);
    await hydrated(a.page);
    await expect(postCard(a.page, bStatus)).toBeVisible();
    await expect(postCard(a.page, blogTitle)).toBeVisible();
    for (const text of [aStatus, cStatus, repostComment]) await expect(postCard(a.page, text)).toHaveCount(0);

    await choose(a.page, "Status & reposts", /\/\?kind=status&group=\d+$/);
    await expect(postCard(a.page, bStatus)).toBeVisible();
    await expect(posts(a.page)).toHaveCount(1);
    await expect(filters(a.page).getByRole("link", { name: group, exact: true })).toHaveAttribute("aria-current", "page");

    await choose(a.page, "Video", /\/\?kind=video&group=\d+$/);
    await expect(a.page.getByTestId("feed-empty")).toContainText(`Nobody in “${group}” has posted this kind of thing yet.`);
    await choose(a.page, "Everyone", /\/\?kind=video$/);
  });
});
