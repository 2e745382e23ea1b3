import path from "node:path";
import sharp from "sharp";
import type { Locator, Page } from "@playwright/test";
import {
  test,
  expect,
  createPostViaApi,
  expectPageLikeMissing,
  expectResponseLikeMissing,
  followViaUI,
  MISSING_ID,
  open,
  openUntil,
  newMember,
  postCard,
  uniqueSuffix,
  befriendViaUI,
} from "./fixtures";

// Music and video through the UI: a song's tags prefill its form, a friend
// hears it in the feed, the space's background music starts only on a click
// and plays on across a client-side navigation inside the space (same
// <audio> element, no reload), and a video seeks through Range (206) responses.
// Both are for friends: C, a stranger, finds them nowhere (tabs, background
// music, feed even after following A), and their pages and files (audio,
// video, poster) answer exactly like a missing id.

const media = (name: string) => path.join(__dirname, "fixtures", "media", name);


/** Played seconds counted by a listener on the element itself: grows while it plays, across loops. */
async function installPlayCounter(audio: Locator, tag: string) {
  await audio.evaluate((el: HTMLAudioElement & { __played?: number; __tag?: string }, t) => {
    el.__tag = t;
    el.__played = 0;
    let last = el.currentTime;
    el.addEventListener("timeupdate", () => {
      const now = el.currentTime;
      el.__played! += now >= last ? now - last : now; // a loop restarts at 0
      last = now;
    });
  }, tag);
}

const playState = (audio: Locator) =>
  audio.evaluate((el: HTMLAudioElement & { __played?: number; __tag?: string }) => ({ paused: el.paused, currentTime: el.currentTime, played: el.__played ?? -1, tag: el.__tag ?? null, muted: el.muted }));

const trackItem = (page: Page, title: string) => page.getByTestId("track-item").filter({ hasText: title });

test("a song from its tags to a friend's feed and the space's background music; a video that seeks", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const run = uniqueSuffix();
  const [a, b] = await Promise.all([newMember(browser, baseURL!, "tunea"), newMember(browser, baseURL!, "tuneb")]);
  // The stranger signs up after them: three password hashes at once can outlast the sign-up wait on a busy machine.
  const c = await newMember(browser, baseURL!, "tunec");
  const spaceA = `/u/${a.user.handle}`;
  // What C must not reach: the items' pages and files, filled in as the steps go.
  const hidden = { trackId: "", audio: "", videoId: "", video: "", poster: "" };
  await befriendViaUI(a, b);

  await test.step("A uploads the mp3 on the Music tab; title and artist come from its tags", async () => {
    await open(a.page, `${spaceA}/music`);
    await expect(a.page.getByText("Up to 50 MB")).toBeVisible();
    await a.page.getByLabel("Choose an audio file").setInputFiles(media("tone.mp3"));
    await expect(a.page.getByLabel("Title", { exact: true })).toHaveValue("Test Tone", { timeout: 20_000 });
    await expect(a.page.getByLabel("Artist", { exact: true })).toHaveValue("Kongjian Band");
    await expect(a.page.getByLabel("Album", { exact: true })).toHaveValue("Fixtures");
    await a.page.getByLabel("Description", { exact: true }).fill(`Tone ${run}`);
    await a.page.getByLabel("Who can see it", { exact: true }).selectOption({ label: "Friends" });
    await a.page.getByRole("button", { name: "Publish" }).click();
    await expect(a.page.getByRole("status").filter({ hasText: "“Test Tone” was published." })).toBeVisible();
    const item = trackItem(a.page, `Tone ${run}`);
    await expect(item).toHaveCount(1);
    await expect(item.getByLabel("Play Test Tone")).toBeAttached();
    await expect(item.getByTestId("track-meta")).toHaveText("Kongjian Band · Fixtures");
    hidden.trackId = (await item.getAttribute("data-post-id"))!;
  });

  await test.step("B, a friend, finds an audio player on the song's card in the feed", async () => {
    await openUntil(b.page, "/", async () => {
      await expect(postCard(b.page, `Tone ${run}`).locator("audio")).toHaveCount(1, { timeout: 1000 });
    }, 30_000);
    const audio = postCard(b.page, `Tone ${run}`).getByLabel("Play Test Tone");
    await expect(audio).toHaveAttribute("preload", "none");
    const src = await audio.getAttribute("src");
    expect(src).toMatch(/^\/media\/\d+\/original$/);
    hidden.audio = src!;
    // A stranger (signed out) gets the same 404 as for a missing file.
    const anon = await browser.newContext();
    expect((await anon.request.get(`${baseURL}${src}`)).status()).toBe(404);
    expect((await b.context.request.get(src!, { headers: { range: "bytes=0-99" } })).status()).toBe(206);
    await anon.close();
  });

  await test.step("A makes it the space's background music", async () => {
    await open(a.page, `${spaceA}/music`);
    const toggle = trackItem(a.page, `Tone ${run}`).getByRole("checkbox", { name: "Background music" });
    await toggle.check();
    await expect(toggle).toBeChecked();
    // The refresh brings the mini-player into A's own space too.
    await expect(a.page.getByRole("region", { name: "Background music" })).toContainText("Test Tone", { timeout: 15_000 });
  });

  await test.step("A replaces the song's cover on its edit form, B sees the new cover, then A removes it", async () => {
    const item = trackItem(a.page, `Tone ${run}`);
    await item.getByRole("button", { name: "Edit", exact: true }).click();
    const form = a.page.getByRole("form", { name: "Edit song" });
    const png = await sharp({ create: { width: 300, height: 300, channels: 3, background: "#2e86de" } }).png().toBuffer();
    await form.getByLabel("Change cover").setInputFiles({ name: "cover.png", mimeType: "image/png", buffer: png });
    await expect(form.getByRole("status").filter({ hasText: "Cover changed." })).toBeVisible({ timeout: 30_000 });
    const src = await form.getByTestId("cover-preview").getAttribute("src");
    expect(src).toMatch(/^\/media\/\d+\//);
    // The friend gets the new cover (a real WebP the job made); a signed-out visitor the 404 of a missing file.
    const res = await b.context.request.get(src!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("image/webp");
    const anon = await browser.newContext();
    expect((await anon.request.get(`${baseURL}${src}`)).status()).toBe(404);
    await anon.close();
    await form.getByRole("button", { name: "Remove cover" }).click();
    await expect(form.getByRole("status").filter({ hasText: "Cover removed." })).toBeVisible();
    await expect(form.getByRole("img", { name: "No cover art" })).toBeVisible();
    expect((await b.context.request.get(src!)).status()).toBe(404);
    await form.getByRole("button", { name: "Cancel" }).click();
  });

  await test.step("B starts the mini-player in A's space and it plays on after a client navigation", async () => {
    await open(b.page, spaceA);
    const player = b.page.getByRole("region", { name: "Background music" });
    await expect(player).toContainText("Test Tone");
    await expect(player).toContainText("Kongjian Band");
    const audio = player.locator("audio");
    // Nothing plays before the click (browsers forbid sound without one; the player doesn't try).
    expect((await playState(audio)).paused).toBe(true);
    await player.getByRole("button", { name: "Play" }).click();
    await expect(player.getByRole("button", { name: "Pause" })).toBeVisible();
    await expect.poll(async () => (await playState(audio)).currentTime, { timeout: 15_000 }).toBeGreaterThan(0.2);
    await player.getByRole("button", { name: "Mute" }).click();
    await expect(player.getByRole("button", { name: "Mute" })).toHaveAttribute("aria-pressed", "true");
    await installPlayCounter(audio, run);
    await expect.poll(async () => (await playState(audio)).played, { timeout: 10_000 }).toBeGreaterThan(0.2);
    // Sampled early in a loop of the 2 s song, so "later in the song" stays meaningful after the click.
    let before = await playState(audio);
    await expect
      .poll(async () => (before = await playState(audio)).currentTime, { timeout: 10_000, intervals: [50] })
      .toBeLessThan(1.2);
    expect(before).toMatchObject({ paused: false, muted: true });

    await b.page.evaluate((t) => ((window as unknown as { __marker: string }).__marker = t), run);
    await b.page.getByRole("navigation", { name: "Space sections" }).getByRole("link", { name: "Blog" }).click();
    await expect(b.page).toHaveURL(new RegExp(`${spaceA}/blog$`));
    await expect(b.page.getByRole("navigation", { name: "Space sections" }).getByRole("link", { name: "Blog" })).toHaveAttribute("aria-current", "page");
    // No reload: the window kept what the test put on it, and the element is the same one.
    expect(await b.page.evaluate(() => (window as unknown as { __marker?: string }).__marker)).toBe(run);
    await expect.poll(async () => (await playState(audio)).played, { timeout: 10_000 }).toBeGreaterThan(before.played + 0.5);
    const after = await playState(audio);
    expect(after).toMatchObject({ paused: false, tag: run, muted: true });
    // And it is further into the song (a single track loops, so this may be on a later pass).
    await expect.poll(async () => (await playState(audio)).currentTime, { timeout: 10_000, intervals: [50] }).toBeGreaterThan(before.currentTime);
    await expect(player.getByRole("button", { name: "Pause" })).toBeVisible();
  });

  await test.step("A uploads an mp4 on the Video tab and publishes it", async () => {
    await open(a.page, `${spaceA}/video`);
    await expect(a.page.getByText("Up to 200 MB")).toBeVisible();
    await a.page.getByLabel("Choose a video file").setInputFiles(media("clip.mp4"));
    const title = a.page.getByLabel("Title", { exact: true });
    await expect(title).toHaveValue("clip", { timeout: 20_000 });
    await title.fill(`Seaside ${run}`);
    // Published at once, possibly while the job still makes the poster: the item
    // becomes READY whichever finishes first (B's openUntil below waits for it).
    await a.page.getByLabel("Who can see it", { exact: true }).selectOption({ label: "Friends" });
    await a.page.getByRole("button", { name: "Publish" }).click();
    await expect(a.page.getByTestId("video-item").filter({ hasText: `Seaside ${run}` })).toHaveCount(1);
  });

  await test.step("B opens the video and seeks: the file is answered with 206 Partial Content", async () => {
    const id = await a.page.getByTestId("video-item").filter({ hasText: `Seaside ${run}` }).getAttribute("data-post-id");
    const src = await a.page.getByTestId("video-item").filter({ hasText: `Seaside ${run}` }).locator("video").getAttribute("src");
    expect(src).toMatch(/^\/media\/\d+\/original$/);
    Object.assign(hidden, { videoId: id!, video: src! });
    const partial = b.page.waitForResponse((r) => new URL(r.url()).pathname === src && r.status() === 206, { timeout: 60_000 });
    // Processing (poster, duration) takes a moment; until then B gets the 404 page.
    await openUntil(b.page, `${spaceA}/post/${id}`, async () => {
      await expect(b.page.getByLabel(`Video: Seaside ${run}`)).toBeVisible({ timeout: 1000 });
    }, 30_000);
    const video = b.page.getByLabel(`Video: Seaside ${run}`);
    await expect(video).toHaveAttribute("preload", "metadata");
    // The background music stays with A's space layout on this page too.
    await expect(b.page.getByRole("region", { name: "Background music" })).toBeVisible();
    const seeked = await video.evaluate(
      (el: HTMLVideoElement) =>
        new Promise<number>((resolve) => {
          const go = () => {
            el.addEventListener("seeked", () => resolve(el.currentTime), { once: true });
            el.currentTime = 2;
          };
          if (el.readyState >= 1) go();
          else el.addEventListener("loadedmetadata", go, { once: true });
        }),
    );
    expect(seeked).toBeCloseTo(2, 0);
    const res = await partial;
    expect(res.headers()["content-range"]).toMatch(/^bytes \d+-\d+\/\d+$/);
    // The job's poster frame (ffmpeg is on the test machine) is B's to see.
    hidden.poster = (await video.getAttribute("poster")) ?? "";
    expect(hidden.poster).toMatch(/^\/media\/\d+\/poster$/);
    expect((await b.context.request.get(hidden.poster)).status()).toBe(200);
  });

  await test.step("C, a stranger, finds neither: not on the tabs, no background music, item pages and files like a missing id", async () => {
    await open(c.page, `${spaceA}/music`);
    await expect(c.page.getByTestId("music-empty")).toBeVisible();
    await expect(c.page.getByTestId("track-item")).toHaveCount(0);
    await expect(c.page.getByRole("region", { name: "Background music" })).toHaveCount(0);
    await expect(c.page.getByText("Test Tone")).toHaveCount(0);
    await open(c.page, `${spaceA}/video`);
    await expect(c.page.getByTestId("video-empty")).toBeVisible();
    await expect(c.page.getByTestId("video-item")).toHaveCount(0);

    const missingPage = `${spaceA}/post/${MISSING_ID}`;
    await expectPageLikeMissing(c.page, `${spaceA}/post/${hidden.trackId}`, missingPage);
    await expectPageLikeMissing(c.page, `${spaceA}/post/${hidden.videoId}`, missingPage);
    await expectResponseLikeMissing(c.context.request, hidden.audio, `/media/${MISSING_ID}/original`);
    await expectResponseLikeMissing(c.context.request, hidden.video, `/media/${MISSING_ID}/original`);
    await expectResponseLikeMissing(c.context.request, hidden.poster, `/media/${MISSING_ID}/poster`);
  });

  await test.step("C's feed has neither, even once C follows A (a follower is not a friend)", async () => {
    await open(c.page, "/");
    await expect(c.page.getByText(`Tone ${run}`)).toHaveCount(0);
    const everyone = `A status for everyone after the songs ${run}`;
    await createPostViaApi(a.context.request, everyone, "PUBLIC");
    await followViaUI(c, a);
    await openUntil(c.page, "/", async () => {
      await expect(postCard(c.page, everyone)).toBeVisible({ timeout: 1000 });
    });
    await expect(c.page.getByText(`Tone ${run}`)).toHaveCount(0);
    await expect(c.page.getByText(`Seaside ${run}`)).toHaveCount(0);
    await expect(c.page.locator("audio, video")).toHaveCount(0);
  });

  await Promise.all([a.context.close(), b.context.close(), c.context.close()]);
});
