import {
  test,
  expect,
  createPostViaApi,
  expectPageLikeMissing,
  followViaUI,
  mainNav,
  MISSING_ID,
  newMember,
  open,
  openUntil,
  postCard,
  reopen,
  uniqueSuffix,
  befriendViaUI,
} from "./fixtures";
import type { Page } from "@playwright/test";

// The diary end to end: an entry written through the UI is its author's
// alone (not in a friend's feed, not on the tab, its URL a 404) until the
// author widens it to friends on the entry's page; then the friend sees it
// in the feed and on the tab, its day lit in the calendar. C, a stranger,
// still sees nothing of it (the tab, the feed even after following A, its
// URL the same 404 page as a made-up id).

// The config's browser zone and the tz cookie the fixtures preset.
const ZONE = "Asia/Shanghai";
const todayIso = () => new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
const todayLabel = () => new Intl.DateTimeFormat("en", { timeZone: ZONE, day: "numeric", month: "long" }).format(new Date());

const calendar = (page: Page) => page.getByTestId("diary-calendar");
const litDays = (page: Page) => calendar(page).locator("a[data-has-entries]");

test("a diary entry stays private until its author widens it to friends", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const run = uniqueSuffix();
  const title = `Quiet Sunday ${run}`;
  const body = `Dear diary, I walked by the lake ${run}`;
  const marker = `A status for friends after the diary entry ${run}`;
  const everyone = `A status for everyone after the diary entry ${run}`;
  const [a, b] = await Promise.all([newMember(browser, baseURL!, "alice"), newMember(browser, baseURL!, "bob")]);
  // The stranger signs up after them: three password hashes at once can outlast the sign-up wait on a busy machine.
  const c = await newMember(browser, baseURL!, "carol");
  const diaryA = `/u/${a.user.handle}/diary`;
  const dayLink = (page: Page) => calendar(page).getByRole("link", { name: `1 entry on ${todayLabel()}` });
  let entryUrl = "";

  await test.step("A and B become friends", async () => {
    await befriendViaUI(a, b);
  });

  await test.step("A writes an entry on the Diary tab, private by default, with a mood and the weather", async () => {
    await open(a.page, `/u/${a.user.handle}`);
    await a.page.getByRole("navigation", { name: "Space sections" }).getByRole("link", { name: "Diary" }).click();
    await expect(a.page).toHaveURL(new RegExp(`${diaryA}$`));
    await expect(a.page.getByTestId("diary-empty")).toBeVisible();
    await expect(litDays(a.page)).toHaveCount(0);

    const write = a.page.getByRole("button", { name: "Write in diary" });
    await expect(write).toHaveAttribute("aria-expanded", "false");
    await write.click();
    await expect(write).toHaveAttribute("aria-expanded", "true");
    await expect(a.page.getByLabel("Date", { exact: true })).toHaveValue(todayIso());
    await expect(a.page.getByLabel("Who can see this entry")).toHaveValue("ONLY_ME");
    await a.page.getByRole("radio", { name: "Happy" }).check();
    await a.page.getByRole("radio", { name: "Sunny" }).check();
    await expect(a.page.getByRole("radio", { name: "Happy" })).toBeChecked();
    await a.page.getByLabel("Title (optional)").fill(title);
    await a.page.getByLabel("Entry", { exact: true }).fill(body);
    await a.page.getByRole("button", { name: "Save entry" }).click();

    await expect(a.page.getByRole("status").filter({ hasText: "Saved to your diary." })).toBeVisible();
    await expect(write).toHaveAttribute("aria-expanded", "false");
    const card = postCard(a.page, body);
    await expect(card).toBeVisible();
    await expect(card.getByText("Happy")).toBeVisible();
    await expect(card.getByText("Sunny")).toBeVisible();
    await expect(dayLink(a.page)).toBeVisible();
    await expect(litDays(a.page)).toHaveCount(1);
    await expect(a.page.getByTestId("diary-empty")).toHaveCount(0);

    // Stored, not just shown: after a reload it is still there, and it links to its own page.
    await reopen(a.page);
    await expect(dayLink(a.page)).toBeVisible();
    await postCard(a.page, body).getByRole("link", { name: title }).click();
    await expect(a.page).toHaveURL(new RegExp(`${diaryA}/\\d+$`));
    await expect(a.page.getByRole("heading", { name: title })).toBeVisible();
    entryUrl = new URL(a.page.url()).pathname;
  });

  await test.step("B, a friend, sees nothing of it: not in the feed, not on the tab, its URL a 404", async () => {
    // A later friends-only status reaching B's feed shows the feed is up to date.
    await createPostViaApi(a.context.request, marker, "FRIENDS");
    await openUntil(b.page, "/", async () => {
      await expect(postCard(b.page, marker)).toBeVisible({ timeout: 1000 });
    });
    await expect(b.page.getByText(body)).toHaveCount(0);

    await open(b.page, diaryA);
    await expect(b.page.getByTestId("diary-empty")).toBeVisible();
    await expect(b.page.getByText(body)).toHaveCount(0);
    await expect(litDays(b.page)).toHaveCount(0);
    await expect(b.page.getByRole("button", { name: "Write in diary" })).toHaveCount(0);

    const res = await open(b.page, entryUrl);
    expect(res?.status()).toBe(404);
    await expect(b.page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(b.page.getByText(body)).toHaveCount(0);
  });

  await test.step("A widens the entry to friends on its page", async () => {
    await open(a.page, entryUrl);
    await expect(a.page.getByTestId("entry-audience-hint")).toHaveText("Only you can read this entry.");
    await a.page.getByLabel("Who can see this entry").selectOption({ label: "Friends" });
    await expect(a.page.getByTestId("entry-audience-hint")).toHaveText("Your friends can read this entry.");
    await reopen(a.page);
    await expect(a.page.getByLabel("Who can see this entry")).toHaveValue("FRIENDS");
  });

  await test.step("B now sees it in the feed (after the fan-out), on the tab with its day lit, and on its page", async () => {
    await openUntil(b.page, "/", async () => {
      await expect(postCard(b.page, body)).toBeVisible({ timeout: 1000 });
    });
    const card = postCard(b.page, body);
    await expect(card.getByText("Happy")).toBeVisible();
    await expect(card.getByRole("link", { name: title })).toBeVisible();

    await open(b.page, diaryA);
    await expect(postCard(b.page, body)).toBeVisible();
    await expect(dayLink(b.page)).toBeVisible();
    await expect(litDays(b.page)).toHaveCount(1);

    const res = await open(b.page, entryUrl);
    expect(res?.status()).toBe(200);
    await expect(b.page.getByRole("heading", { name: title })).toBeVisible();
    await expect(b.page.getByText(body)).toBeVisible();
    // The owner's controls are the owner's.
    await expect(b.page.getByLabel("Who can see this entry")).toHaveCount(0);
    await expect(b.page.getByRole("button", { name: "Delete" })).toHaveCount(0);
    await expect(mainNav(b.page)).toBeVisible();
  });

  await test.step("C, a stranger, sees nothing of the friends' entry: not on the tab, not in the feed, its URL a missing id's 404", async () => {
    await open(c.page, diaryA);
    await expect(c.page.getByTestId("diary-empty")).toBeVisible();
    await expect(c.page.getByText(body)).toHaveCount(0);
    await expect(litDays(c.page)).toHaveCount(0);
    await expectPageLikeMissing(c.page, entryUrl, `${diaryA}/${MISSING_ID}`);
    await open(c.page, "/");
    await expect(c.page.getByText(body)).toHaveCount(0);

    // Following A (still not a friend) brings A's posts into C's feed: the public one, not the entry.
    await createPostViaApi(a.context.request, everyone, "PUBLIC");
    await followViaUI(c, a);
    await openUntil(c.page, "/", async () => {
      await expect(postCard(c.page, everyone)).toBeVisible({ timeout: 1000 });
    });
    await expect(c.page.getByText(body)).toHaveCount(0);
    await expect(c.page.getByText(title)).toHaveCount(0);
  });

  await Promise.all([a.context.close(), b.context.close(), c.context.close()]);
});
