import sharp from "sharp";
import type { Locator, Page } from "@playwright/test";
import { test, expect, mainNav, newMember, open, openUntil, postCard, postWithComposer, uniqueSuffix, befriendViaUI } from "./fixtures";

// Avatar and space cover through the UI: choose a file in settings, crop it
// (drag, arrow keys, zoom) with a live preview, save with a progress bar, and
// the picture replaces the initials in the header, the space and post cards,
// for the owner and for a friend (friends list, feed). Then the cover, and
// removing both.

/** A 600x400 JPEG, left half red, right half blue: a wide photo, like most. */
async function photo(): Promise<Buffer> {
  const blue = await sharp({ create: { width: 300, height: 400, channels: 3, background: { r: 30, g: 60, b: 220 } } }).png().toBuffer();
  return sharp({ create: { width: 600, height: 400, channels: 3, background: { r: 220, g: 40, b: 40 } } })
    .composite([{ input: blue, left: 300, top: 0 }])
    .jpeg()
    .toBuffer();
}

/** The avatar <img> has loaded real pixels (the media route served it). */
async function expectLoadedImage(img: Locator) {
  await expect(img).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0);
}

/** Holds POST /api/uploads until release() so the progress bar can be seen, however fast the upload. */
async function holdUploads(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  await page.route("**/api/uploads?*", async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

const transformOf = (img: Locator) => img.evaluate((el) => (el as HTMLElement).style.transform);

test("an avatar chosen, cropped and saved replaces the initials everywhere, for friends too", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const [a, b] = await Promise.all([newMember(browser, baseURL!, "amy"), newMember(browser, baseURL!, "ben")]);
  const status = `Hello with a face ${uniqueSuffix()}`;
  const image = await photo();

  await test.step("A and B become friends; A posts", async () => {
    await befriendViaUI(a, b);
    await open(a.page, "/");
    await postWithComposer(a.page, status, "Everyone");
    // Initials so far.
    await expect(mainNav(a.page).getByTestId("avatar-image")).toHaveCount(0);
    await expect(postCard(a.page, status).getByTestId("avatar-image")).toHaveCount(0);
  });

  await test.step("A chooses a file in settings and adjusts the square crop", async () => {
    await open(a.page, "/settings");
    await expect(a.page.getByText("Up to 20 MB", { exact: false }).first()).toBeVisible();
    await a.page.getByLabel("Choose avatar image").setInputFiles({ name: "me.jpg", mimeType: "image/jpeg", buffer: image });
    const crop = a.page.getByRole("group", { name: "Crop area" });
    await expect(crop).toBeVisible();
    const preview = a.page.getByTestId("avatar-crop-preview").locator("img");
    await expect(preview).toBeVisible();
    await expect.poll(() => preview.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(600);

    // Zoom in with the slider: the image grows inside the square.
    const zoom = a.page.getByLabel("Zoom");
    await zoom.fill("2");
    await expect(zoom).toHaveValue("2");
    const zoomed = await transformOf(preview);

    // Arrow keys nudge (keyboard users), and the preview follows.
    await crop.focus();
    for (let i = 0; i < 3; i++) await crop.press("ArrowLeft");
    await expect.poll(() => transformOf(preview)).not.toBe(zoomed);
    const nudged = await transformOf(preview);

    // Drag with the pointer.
    const box = (await crop.boundingBox())!;
    await a.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await a.page.mouse.down();
    await a.page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2 + 10, { steps: 4 });
    await a.page.mouse.up();
    await expect.poll(() => transformOf(preview)).not.toBe(nudged);
  });

  await test.step("A saves: a progress bar, processing, then the new avatar", async () => {
    const release = await holdUploads(a.page);
    await a.page.getByRole("button", { name: "Save avatar" }).click();
    await expect(a.page.getByRole("progressbar", { name: "Upload progress" })).toBeVisible();
    await expect(a.page.getByRole("button", { name: "Save avatar" })).toBeDisabled(); // no double submit
    release();
    // The editor closes once the processed avatar is the current one.
    await expect(a.page.getByRole("group", { name: "Crop area" })).toHaveCount(0, { timeout: 30_000 });
    await expect(a.page.getByRole("progressbar")).toHaveCount(0);
    await expectLoadedImage(a.page.getByRole("main").getByTestId("avatar-image").first());
    await a.page.unrouteAll();
  });

  await test.step("A's header, space and post card show the image instead of initials", async () => {
    await expectLoadedImage(mainNav(a.page).getByTestId("avatar-image"));
    await open(a.page, `/u/${a.user.handle}`);
    await expectLoadedImage(a.page.getByRole("main").getByTestId("avatar-image").first());
    await open(a.page, "/");
    await expectLoadedImage(postCard(a.page, status).getByTestId("avatar-image"));
  });

  await test.step("B sees A's avatar in their friends list and on A's post in their feed", async () => {
    await open(b.page, "/friends");
    const row = b.page.getByRole("listitem").filter({ hasText: a.user.displayName });
    await expectLoadedImage(row.getByTestId("avatar-image"));
    await openUntil(b.page, "/", async () => {
      await expect(postCard(b.page, status)).toBeVisible({ timeout: 1000 });
    });
    await expectLoadedImage(postCard(b.page, status).getByTestId("avatar-image"));
  });

  await test.step("A removes the avatar: initials again", async () => {
    await open(a.page, "/settings");
    await a.page.getByRole("button", { name: "Remove avatar" }).click();
    await expect(a.page.getByText("No avatar yet")).toBeVisible();
    await expect(mainNav(a.page).getByTestId("avatar-image")).toHaveCount(0);
  });

  await a.context.close();
  await b.context.close();
});

test("a space cover is previewed, saved, shown in the space header, and removable", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const a = await newMember(browser, baseURL!, "cora");
  await open(a.page, "/settings");
  await a.page.getByLabel("Choose cover image").setInputFiles({ name: "wide.jpg", mimeType: "image/jpeg", buffer: await photo() });
  await expect(a.page.getByRole("img", { name: "Preview of the new cover" })).toBeVisible();
  await a.page.getByRole("button", { name: "Save cover" }).click();
  await expectLoadedImage(a.page.getByRole("img", { name: "Your current cover" }));

  await open(a.page, `/u/${a.user.handle}`);
  await expectLoadedImage(a.page.getByTestId("space-cover"));

  await open(a.page, "/settings");
  await a.page.getByRole("button", { name: "Remove cover" }).click();
  await expect(a.page.getByText("No cover yet")).toBeVisible();
  await open(a.page, `/u/${a.user.handle}`);
  await expect(a.page.getByTestId("space-cover")).toHaveCount(0);
  await a.context.close();
});
