import sharp from "sharp";
import type { Page } from "@playwright/test";
import { test, expect, hydrated, mainNav, newMember, open, openUntil, postCard, posts, uniqueSuffix, befriendViaUI } from "./fixtures";

// Blogs through the UI: A writes one with the toolbar and Markdown, watches
// the live preview, sees the draft auto-saved, adds an inline image, and
// publishes it for friends. Friend B finds the card (title, excerpt, cover)
// in the feed and on A's Blog tab and reads it; stranger C gets the 404 page
// and the image's 404. A blog full of script stays inert everywhere.

/** A small landscape PNG, made here (nothing is downloaded). */
function picture(): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 200, channels: 3, background: { r: 40, g: 120, b: 200 } } }).png().toBuffer();
}

const preview = (page: Page) => page.getByRole("region", { name: "Preview" });
const xss = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);

async function expectNotFoundPage(page: Page, url: string) {
  const res = await open(page, url);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByTestId("blog-article")).toHaveCount(0);
}

test("a friends-only blog: written with preview and image, read by a friend, hidden from a stranger, script stays inert", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const run = uniqueSuffix();
  const title = `Autumn trip ${run}`;
  // One after another: sign-up hashes a password, and the machine is shared.
  const a = await newMember(browser, baseURL!, "anna");
  const b = await newMember(browser, baseURL!, "ben");
  const c = await newMember(browser, baseURL!, "cleo");
  const blogTab = `/u/${a.user.handle}/blog`;
  let blogUrl = "";
  let imageId = "";

  await test.step("A and B become friends (request from A's space, accepted on /friends)", async () => {
    await befriendViaUI(a, b);
  });

  await test.step("A starts writing from the Blog tab; the preview renders as A types and the draft saves itself", async () => {
    await open(a.page, blogTab);
    await expect(a.page.getByTestId("blog-empty")).toBeVisible();
    await a.page.getByRole("link", { name: "Write a blog post" }).click();
    await expect(a.page).toHaveURL(/\/blog\/write$/);
    await expect(a.page.getByRole("heading", { name: "Write a blog post", level: 1 })).toBeVisible();
    await hydrated(a.page);

    await a.page.getByLabel("Title", { exact: true }).fill(title);
    const body = a.page.getByLabel("Body", { exact: true });
    await body.fill("## Chapter one\n\nIt was a ");
    await body.press("Control+End");
    // The toolbar wraps the (empty) selection in ** and selects the placeholder; typing replaces it.
    await a.page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Bold (Ctrl+B)" }).click();
    await a.page.keyboard.type("bright");
    await a.page.keyboard.press("End");
    await a.page.keyboard.type(" day.");
    await expect(body).toHaveValue("## Chapter one\n\nIt was a **bright** day.");

    await expect(preview(a.page).getByRole("heading", { name: "Chapter one", level: 2 })).toBeVisible();
    await expect(preview(a.page).locator("strong")).toHaveText("bright");
    await expect(a.page.getByTestId("draft-status")).toHaveText("Saved");
    await expect(a.page).toHaveURL(/\/blog\/write\?draft=\d+$/);
  });

  await test.step("A inserts an image: uploaded, inserted as Markdown, shown in the preview once processed", async () => {
    await a.page.getByLabel("Insert image").setInputFiles({ name: "lake.png", mimeType: "image/png", buffer: await picture() });
    const body = a.page.getByLabel("Body", { exact: true });
    await expect(body).toHaveValue(/!\[lake\]\(\/media\/\d+\/display\)$/, { timeout: 15_000 });
    imageId = /\/media\/(\d+)\/display/.exec(await body.inputValue())![1]!;
    const img = preview(a.page).locator(`img[src="/media/${imageId}/display"]`);
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth).catch(() => 0), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect(a.page.getByTestId("draft-status")).toHaveText("Saved");
  });

  await test.step("A publishes for friends and lands on the reading page; the draft is gone", async () => {
    await a.page.getByLabel("Who can see it", { exact: true }).selectOption({ label: "Friends" });
    await a.page.getByRole("button", { name: "Publish" }).click();
    await expect(a.page).toHaveURL(new RegExp(`/u/${a.user.handle}/blog/\\d+$`), { timeout: 15_000 });
    blogUrl = new URL(a.page.url()).pathname;
    const article = a.page.getByTestId("blog-article");
    await expect(article.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    await expect(article.getByRole("heading", { name: "Chapter one", level: 2 })).toBeVisible();
    await expect(article.getByText("Visible to: Friends")).toBeVisible();
    await expect(article.getByRole("link", { name: "Edit" })).toBeVisible();

    await open(a.page, blogTab);
    await expect(postCard(a.page, title)).toBeVisible();
    await expect(a.page.getByTestId("blog-draft")).toHaveCount(0);
  });

  await test.step("B (friend) sees the card in the feed and on A's Blog tab, and reads it", async () => {
    const card = postCard(b.page, title);
    await openUntil(b.page, "/", async () => {
      await expect(card).toBeVisible({ timeout: 1000 });
    });
    await expect(card.getByRole("link", { name: title })).toHaveAttribute("href", blogUrl);
    await expect(card.getByText("Chapter one It was a bright day.")).toBeVisible();
    const cover = card.locator(`img[src="/media/${imageId}/display"]`);
    await expect.poll(() => cover.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0);

    await open(b.page, `/u/${a.user.handle}`);
    await b.page.getByRole("navigation", { name: "Space sections" }).getByRole("link", { name: "Blog" }).click();
    await expect(b.page).toHaveURL(new RegExp(`${blogTab}$`));
    await expect(postCard(b.page, title)).toBeVisible();
    await expect(b.page.getByRole("link", { name: "Write a blog post" })).toHaveCount(0);
    await postCard(b.page, title).getByRole("link", { name: title }).click();
    await expect(b.page).toHaveURL(new RegExp(`${blogUrl}$`));
    const article = b.page.getByTestId("blog-article");
    const heading = article.getByRole("heading", { name: "Chapter one" });
    await expect(heading).toBeVisible();
    expect(await heading.evaluate((el) => el.tagName)).toBe("H2");
    await expect(article.locator("strong")).toHaveText("bright");
    await expect(article.getByRole("link", { name: "Edit" })).toHaveCount(0);
    expect((await b.context.request.get(`/media/${imageId}/display`)).status()).toBe(200);
  });

  await test.step("C (stranger) gets the 404 page, an empty Blog tab and a 404 for the image", async () => {
    await expectNotFoundPage(c.page, blogUrl);
    await open(c.page, blogTab);
    await expect(c.page.getByTestId("blog-empty")).toBeVisible();
    await expect(posts(c.page)).toHaveCount(0);
    expect((await c.context.request.get(`/media/${imageId}/display`)).status()).toBe(404);
    await open(c.page, "/");
    await expect(c.page.getByText(title)).toHaveCount(0);
  });

  await test.step("a blog made of script and handlers renders inert in the preview, on its page and in the feed", async () => {
    const evilTitle = `<img src=x onerror="window.__xss=1"> ${run}`;
    await open(a.page, "/blog/write");
    await a.page.getByLabel("Title", { exact: true }).fill(evilTitle);
    await a.page
      .getByLabel("Body", { exact: true })
      .fill(`Harmless words\n\n<img src=x onerror="window.__xss=1">\n\n<script>window.__xss=1</script>\n\n[click me](javascript:window.__xss=1)\n\n<iframe src="javascript:parent.__xss=1"></iframe>`);
    await expect(preview(a.page).getByText("Harmless words")).toBeVisible();
    await expect(preview(a.page).locator("img, script, iframe")).toHaveCount(0);
    expect(await xss(a.page)).toBeUndefined();
    await a.page.getByLabel("Who can see it", { exact: true }).selectOption({ label: "Friends" });
    await a.page.getByRole("button", { name: "Publish" }).click();
    await expect(a.page).toHaveURL(new RegExp(`/u/${a.user.handle}/blog/\\d+$`), { timeout: 15_000 });
    const evilUrl = new URL(a.page.url()).pathname;

    for (const page of [a.page, b.page]) {
      await open(page, evilUrl);
      const article = page.getByTestId("blog-article");
      // The title is text: its markup shows as typed.
      await expect(article.getByRole("heading", { level: 1 })).toHaveText(evilTitle);
      await expect(article.getByText("Harmless words")).toBeVisible();
      await expect(article.locator("img, script, iframe")).toHaveCount(0);
      await article.getByText("click me").click();
      expect(await xss(page)).toBeUndefined();
    }
    await openUntil(b.page, "/", async () => {
      await expect(postCard(b.page, run).filter({ hasText: "Harmless words" })).toBeVisible({ timeout: 1000 });
    });
    expect(await xss(b.page)).toBeUndefined();
    await expect(mainNav(b.page)).toBeVisible();
  });

  for (const m of [a, b, c]) await m.context.close();
});
