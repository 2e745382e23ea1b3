import sharp from "sharp";
import { test, expect, befriendViaUI, hydrated, mainNav, newMember, open, openUntil, postCard, uniqueSuffix } from "./fixtures";

// Notifications and @mentions through the UI. A comments on friend B's photo;
// B, sitting on another page, sees the bell's count rise by itself (the bell
// polls), opens the notification and lands on the comment, then marks
// everything read. A mentions B in a status with the "@" autocomplete, driven
// by keyboard; the post links to B's space and B is notified.

const jpeg = (background: string) => sharp({ create: { width: 320, height: 240, channels: 3, background } }).jpeg({ quality: 80 }).toBuffer();
const bell = (page: import("@playwright/test").Page) => mainNav(page).getByTestId("notification-bell");

test("a comment on B's photo: B's bell rises without a reload, the notification leads to the comment, mark all read", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const a = await newMember(browser, baseURL!, "ntfa");
  const b = await newMember(browser, baseURL!, "ntfb");
  const title = `Sunset ${uniqueSuffix()}`;
  const says = `What a view ${uniqueSuffix()}`;

  await test.step("A asks B to be friends; B accepts: A's bell says one unread (accepted)", async () => {
    await befriendViaUI(b, a);
    await open(a.page, "/friends");
    await expect(bell(a.page)).toHaveAccessibleName("Notifications, 1 unread");
  });

  await test.step("B uploads a photo to a friends album", async () => {
    await open(b.page, `/u/${b.user.handle}/albums`);
    await b.page.getByLabel("Title", { exact: true }).fill(title);
    await b.page.getByLabel("Who can see this album").selectOption({ label: "Friends" });
    await b.page.getByRole("button", { name: "Create album" }).click();
    await expect(b.page).toHaveURL(/\/albums\/\d+$/);
    await hydrated(b.page);
    await b.page.getByLabel("Choose photos").setInputFiles([{ name: "sunset.jpg", mimeType: "image/jpeg", buffer: await jpeg("#f4a261") }]);
    await expect(b.page.getByTestId("photo-grid").locator("img")).toHaveCount(1, { timeout: 30_000 });
  });

  await test.step("B waits on the friends page: no unread notifications yet", async () => {
    await open(b.page, "/friends");
    await expect(bell(b.page)).toHaveAccessibleName("Notifications");
    await expect(bell(b.page).getByTestId("notification-count")).toHaveCount(0);
  });

  await test.step("A comments on the photo from the feed", async () => {
    const text = `added 1 photo to ${title}`;
    await openUntil(a.page, "/", () => expect(postCard(a.page, text)).toBeVisible({ timeout: 1000 }));
    const card = postCard(a.page, text);
    await card.getByLabel("Write a comment", { exact: true }).fill(says);
    await card.getByRole("button", { name: "Comment", exact: true }).click();
    await expect(card.getByTestId("comment").filter({ hasText: says })).toBeVisible();
  });

  await test.step("B's bell rises by itself (polling; no reload, no navigation)", async () => {
    const url = b.page.url();
    await expect(bell(b.page).getByTestId("notification-count")).toHaveText("1", { timeout: 30_000 });
    await expect(bell(b.page)).toHaveAccessibleName("Notifications, 1 unread");
    expect(b.page.url()).toBe(url);
  });

  await test.step("B opens it: one unread row naming A and the photo, which leads to the comment", async () => {
    await bell(b.page).click();
    await expect(b.page).toHaveURL(/\/notifications$/);
    await hydrated(b.page);
    const row = b.page.getByTestId("notification").first();
    await expect(row).toHaveAttribute("data-unread", "true");
    await expect(row).toContainText(`${a.user.displayName} commented on your photos “${title}”`);
    await expect(row).toContainText(says);
    await row.getByRole("link").click();
    await expect(b.page).toHaveURL(new RegExp(`/u/${b.user.handle}/post/\\d+#comment-\\d+$`));
    const commentId = new URL(b.page.url()).hash.slice(1);
    const target = b.page.locator(`[id="${commentId}"]`);
    await expect(target).toBeVisible();
    await expect(target).toContainText(says);
    // Opening it marked it read: the bell has nothing left.
    await expect(bell(b.page).getByTestId("notification-count")).toHaveCount(0);
  });

  await test.step("A likes the photo and comments again; B marks all as read", async () => {
    const text = `added 1 photo to ${title}`;
    await openUntil(a.page, "/", () => expect(postCard(a.page, text)).toBeVisible({ timeout: 1000 }));
    const card = postCard(a.page, text);
    const like = card.getByTestId("like-bar").getByTestId("like-button");
    await like.click();
    await expect(like).toHaveAttribute("aria-pressed", "true");
    await card.getByLabel("Write a comment", { exact: true }).fill(`${says} again`);
    await card.getByRole("button", { name: "Comment", exact: true }).click();
    await expect(card.getByTestId("comment").filter({ hasText: `${says} again` })).toBeVisible();

    await open(b.page, "/notifications");
    const rows = b.page.getByTestId("notification");
    // The two comments are one row; the like is another; the older friend acceptance row is read.
    await expect(rows.and(b.page.locator("[data-unread=true]"))).toHaveCount(2);
    await expect(rows.filter({ hasText: `${a.user.displayName} liked your photos “${title}”` })).toHaveCount(1);
    await expect(bell(b.page)).toHaveAccessibleName("Notifications, 2 unread");
    const markAll = b.page.getByRole("button", { name: "Mark all as read" });
    await markAll.click();
    await expect(b.page.locator("[data-testid=notification][data-unread=true]")).toHaveCount(0);
    await expect(markAll).toBeDisabled();
    await expect(bell(b.page).getByTestId("notification-count")).toHaveCount(0);
    await open(b.page, "/notifications");
    await expect(b.page.locator("[data-testid=notification][data-unread=true]")).toHaveCount(0);
  });

  await Promise.all([a, b].map((m) => m.context.close()));
});

test("an @mention from the composer's autocomplete, by keyboard: a link to the friend's space and a notification", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const a = await newMember(browser, baseURL!, "mena");
  const b = await newMember(browser, baseURL!, "menb");
  const c = await newMember(browser, baseURL!, "menc");
  await befriendViaUI(a, b, 1);
  await befriendViaUI(a, c, 2);
  const run = uniqueSuffix();

  await test.step("a new member's notifications page says what to do", async () => {
    await open(c.page, "/notifications");
    // C has one: A accepted. Its empty state is checked on a fresh member below.
    await expect(c.page.getByTestId("notification")).toHaveCount(1);
  });

  await test.step("A types '@': both friends are offered; Down, Up and Enter pick B", async () => {
    await open(a.page, "/");
    const box = a.page.getByLabel("What's on your mind?");
    await box.click();
    await box.pressSequentially(`Dinner with @`);
    const list = a.page.getByRole("listbox", { name: "People to mention" });
    await expect(list).toBeVisible();
    const options = list.getByRole("option");
    await expect(options).toHaveCount(2);
    await expect(options.nth(0)).toContainText(`@${b.user.handle}`);
    await expect(options.nth(0)).toHaveAttribute("aria-selected", "true");
    await a.page.keyboard.press("ArrowDown");
    await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
    await expect(box).toHaveAttribute("aria-activedescendant", (await options.nth(1).getAttribute("id"))!);
    await a.page.keyboard.press("ArrowUp");
    await expect(options.nth(0)).toHaveAttribute("aria-selected", "true");
    await a.page.keyboard.press("Enter");
    await expect(list).toBeHidden();
    await expect(box).toHaveValue(`Dinner with @${b.user.handle} `);
    // Escape closes the list and leaves the text as typed.
    await box.pressSequentially(`and @${c.user.handle.slice(0, 4)}`);
    await expect(list).toBeVisible();
    await a.page.keyboard.press("Escape");
    await expect(list).toBeHidden();
    await expect(box).toHaveValue(`Dinner with @${b.user.handle} and @${c.user.handle.slice(0, 4)}`);
    await box.fill(`Dinner with @${b.user.handle} ${run}`);
  });

  let postId = "";
  await test.step("the post shows a link to B's space", async () => {
    await a.page.getByLabel("Who can see it", { exact: true }).selectOption({ label: "Friends" });
    await a.page.getByRole("button", { name: "Post", exact: true }).click();
    const card = postCard(a.page, run);
    await expect(card).toHaveCount(1);
    postId = (await card.getAttribute("data-post-id"))!;
    const link = card.getByRole("link", { name: `@${b.user.handle}` });
    await expect(link).toHaveAttribute("href", `/u/${b.user.handle}`);
    await open(a.page, `/u/${a.user.handle}/post/${postId}`);
    await a.page.getByRole("link", { name: `@${b.user.handle}` }).click();
    await expect(a.page).toHaveURL(new RegExp(`/u/${b.user.handle}$`));
  });

  await test.step("B is notified: 'A mentioned you in a post', leading to it", async () => {
    await open(b.page, "/notifications");
    const row = b.page.getByTestId("notification").filter({ hasText: "mentioned you" });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(`${a.user.displayName} mentioned you in a post`);
    await expect(row).toHaveAttribute("data-unread", "true");
    await row.getByRole("link").click();
    await expect(b.page).toHaveURL(new RegExp(`/u/${a.user.handle}/post/${postId}$`));
    await expect(postCard(b.page, run)).toBeVisible();
  });

  await test.step("C, mentioned nowhere, has only the acceptance", async () => {
    await open(c.page, "/notifications");
    await expect(c.page.getByTestId("notification")).toHaveCount(1);
  });

  await test.step("a member with no notifications sees the empty state", async () => {
    const d = await newMember(browser, baseURL!, "mend");
    await open(d.page, "/notifications");
    await expect(d.page.getByTestId("notifications-empty")).toContainText("No notifications yet");
    await expect(d.page.getByRole("button", { name: "Mark all as read" })).toHaveCount(0);
    await d.context.close();
  });

  await Promise.all([a, b, c].map((m) => m.context.close()));
});

test("signed out: the notifications page asks to sign in, and the JSON routes refuse", async ({ page, request }) => {
  await page.goto("/notifications");
  await expect(page).toHaveURL(/\/signin/);
  expect((await request.get("/api/notifications/unread")).status()).toBe(401);
  expect((await request.get("/api/mentions/suggest?q=a")).status()).toBe(401);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });
  test("the bell fits in the header", async ({ browser, baseURL }) => {
    const m = await newMember(browser, baseURL!, "ntfp", { viewport: { width: 375, height: 740 } });
    const box = await bell(m.page).boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    await m.context.close();
  });
});
