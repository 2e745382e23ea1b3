import { test as base, expect, type APIRequestContext, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from "@playwright/test";

// Shared helpers for the browser tests. Every test makes its own users with
// unique emails and handles, so the suite passes on a fresh or a reused
// database and tests never depend on each other.

export type TestUser = { email: string; handle: string; displayName: string; password: string };
export type Audience = "PUBLIC" | "FRIENDS" | "ONLY_ME";
export type PostJson = { id: string; body: string; audience: Audience; author: { id: number; handle: string; displayName: string }; mine: boolean };
export type PageJson = { items: PostJson[]; nextCursor: string | null };

let counter = 0;

/** A short suffix unique across runs: time (base36 ms), a per-process counter, randomness. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36).slice(-6)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 5)}`;
}

/** A user nobody else has: handle fits 3–20 of [a-z0-9_], display name fits 40 characters. */
export function uniqueUser(prefix = "user", overrides: Partial<TestUser> = {}): TestUser {
  const p = prefix.toLowerCase().replace(/[^a-z0-9]/g, "").slice(0, 6) || "user";
  const suffix = uniqueSuffix();
  const handle = `${p}_${suffix}`.slice(0, 20);
  return {
    email: `${handle}@e2e.example.com`,
    handle,
    displayName: `${p[0]!.toUpperCase()}${p.slice(1)} ${suffix}`,
    password: `pw-${suffix}-long`,
    ...overrides,
  };
}

/** Without it, TimeZoneSync sets this cookie and refreshes the page on first load, mid-test. */
export async function presetTimeZone(context: BrowserContext, baseURL: string) {
  await context.addCookies([{ name: "tz", value: "Asia/Shanghai", url: baseURL }]);
}

/** A fresh browser context (the config's options: baseURL, locale, time zone) with the tz cookie set. */
export async function newContext(browser: Browser, baseURL: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await presetTimeZone(context, baseURL);
  return context;
}

/**
 * Waits until React has hydrated every control on the page. A click before
 * hydration would do nothing (a button) or submit the form natively (a
 * form), which on a loaded machine makes tests flaky.
 */
export async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    const els = document.querySelectorAll("body button, body select, body textarea, body input, body form");
    return els.length > 0 && [...els].every((el) => Object.keys(el).some((k) => k.startsWith("__reactProps$")));
  });
}

/** page.goto, then wait for hydration. Returns the navigation's response. */
export async function open(page: Page, path: string) {
  const res = await page.goto(path);
  await hydrated(page);
  return res;
}

/** page.reload, then wait for hydration. */
export async function reopen(page: Page) {
  const res = await page.reload();
  await hydrated(page);
  return res;
}

/** The header's navigation (its accessible name is translated, so found by position, not name). */
export const mainNav = (page: Page) => page.getByRole("banner").getByRole("navigation");

/** Fills and submits the sign-up form; waits until the header shows the signed-in navigation. */
export async function fillSignUp(page: Page, user: TestUser) {
  await open(page, "/signup");
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Handle", { exact: true }).fill(user.handle);
  await page.getByLabel("Display name", { exact: true }).fill(user.displayName);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign up" }).click();
}

export async function signUpViaUI(page: Page, user: TestUser) {
  await fillSignUp(page, user);
  await expect(mainNav(page).getByRole("link", { name: "My space" })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
}

/**
 * Signs in over HTTP with next-auth's credentials endpoint, through the
 * context's own request client so the session cookie lands in the browser
 * context. (There is no sign-up HTTP API: sign-up is a server action, so a
 * user is signed up once through the UI and then reused.)
 */
export async function signInViaApi(context: BrowserContext, user: Pick<TestUser, "email" | "password">) {
  const res = await credentialsAttempt(context.request, user.email, user.password);
  expect(res.status(), await res.text()).toBe(200);
  const session = await (await context.request.get("/api/auth/session")).json();
  expect(session?.uid, "a session after signing in over HTTP").toBeTruthy();
}

/** One sign-in attempt at next-auth's credentials callback (json=true: answers JSON, not a redirect). */
export async function credentialsAttempt(request: APIRequestContext, email: string, password: string, headers: Record<string, string> = {}) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  return request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true", callbackUrl: "/" },
    headers,
    maxRedirects: 0,
  });
}

export async function signInViaUI(page: Page, user: Pick<TestUser, "email" | "password">, path = "/signin") {
  await open(page, path);
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export type Member = { user: TestUser; context: BrowserContext; page: Page };

/** A new context whose user signed up through the UI (and is therefore signed in). */
export async function newMember(browser: Browser, baseURL: string, prefix: string, options: BrowserContextOptions = {}): Promise<Member> {
  const context = await newContext(browser, baseURL, options);
  const page = await context.newPage();
  const user = uniqueUser(prefix);
  await signUpViaUI(page, user);
  return { user, context, page };
}

/** POST /api/posts as the context's user; returns the created post. */
export async function createPostViaApi(request: APIRequestContext, body: string, audience: Audience = "PUBLIC"): Promise<PostJson> {
  const res = await request.post("/api/posts", { data: { body, audience } });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as PostJson;
}

/** Writes a post with the composer (feed or own space) and returns its id, read from the new card. */
export async function postWithComposer(page: Page, body: string, audience: "Everyone" | "Friends" | "Only me"): Promise<string> {
  await page.getByLabel("What's on your mind?").fill(body);
  await page.getByLabel("Who can see it", { exact: true }).selectOption({ label: audience });
  await page.getByRole("button", { name: "Post", exact: true }).click();
  const card = posts(page).filter({ hasText: body });
  await expect(card).toHaveCount(1);
  await expect(page.getByLabel("What's on your mind?")).toHaveValue("");
  const id = await card.getAttribute("data-post-id");
  expect(id).toMatch(/^\d+$/);
  return id!;
}

export const posts = (scope: Page | Locator) => scope.locator("article[data-testid=post]");
export const postCard = (scope: Page | Locator, text: string) => posts(scope).filter({ hasText: text });

/** The ids of the post cards on the page, top to bottom. */
export async function shownPostIds(page: Page): Promise<string[]> {
  return posts(page).evaluateAll((els) => els.map((el) => el.getAttribute("data-post-id") ?? ""));
}

/** The test object with the default context's tz cookie preset (see presetTimeZone). */
export const test = base.extend({
  context: async ({ context, baseURL }, provide) => {
    await presetTimeZone(context, baseURL!);
    await provide(context);
  },
});

export { expect };

/**
 * Opens `path` until `ready` passes: others' new posts reach a feed through
 * the fan-out job a moment after they are written (the feed is eventually
 * consistent by design, ~0.5-1 s here), so a feed check reloads until then.
 */
export async function openUntil(page: Page, path: string, ready: () => Promise<void>, timeout = 15_000) {
  await expect(async () => {
    await open(page, path);
    await ready();
  }).toPass({ timeout, intervals: [250, 500, 1000] });
}

/** B asks A to be friends from A's space; A accepts on /friends and then has `friendsAfter` friends. */
export async function befriendViaUI(a: Member, b: Member, friendsAfter = 1) {
  await open(b.page, `/u/${a.user.handle}`);
  await b.page.getByRole("button", { name: "Add friend" }).click();
  await expect(b.page.getByRole("button", { name: "Cancel request" })).toBeVisible();
  await open(a.page, "/friends");
  await a.page.getByRole("button", { name: `Accept friend request from ${b.user.displayName}` }).click();
  await expect(a.page.getByRole("heading", { name: `My friends (${friendsAfter})` })).toBeVisible();
}

/** A made-up id: the largest the routes accept, never reached by a test database. */
export const MISSING_ID = "2147483647";

/**
 * Hidden must look exactly like missing: `url` answers 404 with the same
 * visible page as `missingUrl` (the same route with a made-up id, MISSING_ID).
 */
export async function expectPageLikeMissing(page: Page, url: string, missingUrl: string) {
  const missing = await open(page, missingUrl);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  const missingText = await page.locator("body").innerText();
  const res = await open(page, url);
  expect(res?.status(), url).toBe(404);
  expect(await page.locator("body").innerText(), `${url} shows the page of a missing id`).toBe(missingText);
}

/** The same for a plain request (a media file, an API route): the 404 status and bytes of `missingUrl`. */
export async function expectResponseLikeMissing(request: APIRequestContext, url: string, missingUrl: string) {
  const hidden = await request.get(url);
  const missing = await request.get(missingUrl);
  expect(missing.status()).toBe(404);
  expect(hidden.status(), url).toBe(404);
  expect((await hidden.body()).equals(await missing.body()), `${url}: the bytes of a missing id`).toBe(true);
}

/** `follower` follows `author` from the author's space (a follower is not a friend). */
export async function followViaUI(follower: Member, author: Member) {
  await open(follower.page, `/u/${author.user.handle}`);
  await follower.page.getByRole("button", { name: "Follow", exact: true }).click();
  await expect(follower.page.getByRole("button", { name: "Unfollow" })).toBeVisible();
}
