import sharp from "sharp";
import { test, expect, hydrated, mainNav, newMember, open, openUntil, postCard, befriendViaUI } from "./fixtures";

// Photo albums through the UI: an album for friends, three photos uploaded at
// once (per-file progress, then thumbnails once the job has run), the viewer
// driven by keyboard, the batch's card in a friend's feed, and a stranger
// refused both the album page and a photo's file.

const jpeg = (background: string) => sharp({ create: { width: 640, height: 480, channels: 3, background } }).jpeg({ quality: 80 }).toBuffer();

test("an album's photos: upload three at once, view them, a friend's feed shows the batch, a stranger gets 404", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const member = (name: string) => newMember(browser, baseURL!, name);
  const [a, b, c] = await Promise.all([member("alba"), member("albb"), member("albc")]);
  const title = `Graduation ${a.user.handle.slice(-5)}`;
  let albumUrl = "";
  let thumbUrl = "";

  await test.step("A and B become friends", async () => {
    await befriendViaUI(a, b);
    await expect(mainNav(a.page).getByTestId("request-count")).toHaveCount(0);
  });

  await test.step("A creates a friends-only album on the Albums tab", async () => {
    await open(a.page, `/u/${a.user.handle}/albums`);
    await expect(a.page.getByTestId("albums-empty")).toBeVisible();
    await a.page.getByLabel("Title", { exact: true }).fill(title);
    await a.page.getByLabel("Who can see this album").selectOption({ label: "Friends" });
    await a.page.getByRole("button", { name: "Create album" }).click();
    await expect(a.page).toHaveURL(/\/albums\/\d+$/);
    albumUrl = new URL(a.page.url()).pathname;
    await hydrated(a.page);
    await expect(a.page.getByRole("heading", { name: title })).toBeVisible();
    await expect(a.page.getByTestId("album-empty")).toBeVisible();
    // The limit is said before anything is sent.
    await expect(a.page.getByTestId("upload-limit")).toHaveText("Up to 20 MB per file.");
  });

  await test.step("A uploads three photos at once: one progress bar per file and a total, then three thumbnails", async () => {
    const files = [
      { name: "red.jpg", mimeType: "image/jpeg", buffer: await jpeg("#d62828") },
      { name: "green.jpg", mimeType: "image/jpeg", buffer: await jpeg("#2a9d8f") },
      { name: "blue.jpg", mimeType: "image/jpeg", buffer: await jpeg("#1d3557") },
    ];
    await a.page.getByLabel("Choose photos").setInputFiles(files);
    for (const f of files) await expect(a.page.getByRole("progressbar", { name: `Upload progress of ${f.name}` })).toBeVisible();
    await expect(a.page.getByRole("progressbar", { name: "Total upload progress" })).toBeVisible();
    await expect(a.page.locator("[data-testid=upload-row][data-status=done]")).toHaveCount(3, { timeout: 30_000 });
    for (const f of files) await expect(a.page.getByRole("progressbar", { name: `Upload progress of ${f.name}` })).toHaveAttribute("value", String(f.buffer.length));
    await expect(a.page.getByText("3 of 3 files · 100%")).toBeVisible();

    // Each photo says "processing" until its job has run, then shows its thumbnail.
    const grid = a.page.getByTestId("photo-grid");
    await expect(grid.getByRole("listitem")).toHaveCount(3);
    await expect(grid.locator("img")).toHaveCount(3, { timeout: 30_000 });
    await expect(grid.locator("[data-media-status]")).toHaveCount(0);
    await expect
      .poll(() => grid.locator("img").evaluateAll((els) => els.filter((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0).length), { timeout: 15_000 })
      .toBe(3);
    thumbUrl = (await grid.locator("img").first().getAttribute("src"))!;
    expect(thumbUrl).toMatch(/^\/media\/\d+\/thumb$/);
  });

  await test.step("the viewer: Right twice reaches 3 / 3, Escape closes and gives the focus back", async () => {
    const firstTile = a.page.getByTestId("photo-tile").first();
    await firstTile.click();
    const viewer = a.page.getByRole("dialog");
    await expect(viewer).toBeVisible();
    await expect(viewer).toHaveAttribute("aria-modal", "true");
    await expect(viewer.getByTestId("photo-viewer-position")).toHaveText("1 / 3");
    await a.page.keyboard.press("ArrowRight");
    await expect(viewer.getByTestId("photo-viewer-position")).toHaveText("2 / 3");
    await a.page.keyboard.press("ArrowRight");
    await expect(viewer.getByTestId("photo-viewer-position")).toHaveText("3 / 3");
    await expect(viewer.locator("img")).toHaveAttribute("src", /\/media\/\d+\/display$/);
    // Focus stays inside: Tab from the last control comes back round to the first.
    for (let i = 0; i < 4; i++) await a.page.keyboard.press("Tab");
    expect(await viewer.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await a.page.keyboard.press("Escape");
    await expect(viewer).toHaveCount(0);
    await expect(firstTile).toBeFocused();
  });

  await test.step("friend B sees the batch in the feed: 'added 3 photos to …' with three images", async () => {
    const text = `added 3 photos to ${title}`;
    await openUntil(b.page, "/", async () => {
      await expect(postCard(b.page, text)).toBeVisible({ timeout: 1000 });
    });
    const card = postCard(b.page, text);
    await expect(card.locator("img")).toHaveCount(3);
    await expect(card.getByRole("link", { name: title })).toHaveAttribute("href", albumUrl);
    expect((await b.context.request.get(thumbUrl)).status()).toBe(200);
    const page = await open(b.page, albumUrl);
    expect(page?.status()).toBe(200);
    await expect(b.page.getByTestId("photo-grid").locator("img")).toHaveCount(3);
  });

  await test.step("on the album page, B comments on the upload; A sees the comment there", async () => {
    const uploads = b.page.getByTestId("album-uploads");
    const card = postCard(uploads, "added 3 photos to");
    await expect(card).toHaveCount(1);
    const comment = `Great photos ${title}`;
    await card.getByLabel("Write a comment", { exact: true }).fill(comment);
    await card.getByRole("button", { name: "Comment", exact: true }).click();
    await expect(card.getByText(comment)).toBeVisible();
    await open(a.page, albumUrl);
    await expect(postCard(a.page.getByTestId("album-uploads"), "added 3 photos to").getByText(comment)).toBeVisible();
  });

  await test.step("stranger C gets the 404 page for the album and a 404 for a photo's thumbnail", async () => {
    const res = await c.page.goto(albumUrl);
    expect(res?.status()).toBe(404);
    await expect(c.page.getByRole("heading", { name: "Not found" })).toBeVisible();
    expect((await c.context.request.get(thumbUrl)).status()).toBe(404);
    await open(c.page, `/u/${a.user.handle}/albums`);
    await expect(c.page.getByTestId("albums-empty")).toBeVisible();
  });

  await Promise.all([a, b, c].map((m) => m.context.close()));
});
