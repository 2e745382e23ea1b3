import { test, expect, open, reopen, createPostViaApi, mainNav, newContext, newMember, postCard, posts, signInViaApi, signInViaUI, signUpViaUI, uniqueSuffix, uniqueUser, type Member, type PageJson } from "./fixtures";
import type { APIRequestContext, Page } from "@playwright/test";

// Input the app must refuse or render harmlessly.

const PAYLOADS = [`<script>window.__pwned=1</script>`, `<img src=x onerror="window.__pwned=1">`];

// The CSP alone would stop these payloads from running even if the app
// rendered them as HTML; bypass it so the tests prove the rendering itself is inert.
test.use({ bypassCSP: true });

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

async function myPostIds(request: APIRequestContext): Promise<string[]> {
  const res = await request.get("/api/feed");
  expect(res.status()).toBe(200);
  return ((await res.json()) as PageJson).items.map((p) => p.id);
}

/** The text is on the page as text: no element was made from it, and it ran nothing. */
async function expectInert(page: Page, scope: ReturnType<Page["locator"]>, payload: string) {
  await expect(scope.getByText(payload, { exact: true })).toBeVisible();
  await expect(scope.locator("script")).toHaveCount(0);
  await expect(scope.locator('img[src="x"]')).toHaveCount(0);
  await page.waitForLoadState("load");
  expect(await pwned(page)).toBeUndefined();
}

test.describe("posts", () => {
  let author: Member;
  test.beforeAll(async ({ browser }, testInfo) => {
    author = await newMember(browser, testInfo.project.use.baseURL!, "writer");
  });
  test.afterAll(async () => author?.context.close());
  test.beforeEach(async ({ context }) => signInViaApi(context, author.user));

  test("a 2,001-character post is refused next to the composer; 2,000 is fine", async ({ page }) => {
    const before = await myPostIds(page.request);
    await open(page, "/");
    const composer = page.getByLabel("What's on your mind?");
    const tooLong = `${uniqueSuffix()} `.padEnd(2001, "x");
    await composer.fill(tooLong);
    await expect(page.getByText("2001 / 2000")).toBeVisible();
    await page.getByRole("button", { name: "Post", exact: true }).click();
    await expect(composer).toHaveAccessibleDescription(/^A post can be at most 2,000 characters\./);
    await expect(composer).toHaveAttribute("aria-invalid", "true");
    await expect(composer).toHaveValue(tooLong); // the draft is kept
    expect(await myPostIds(page.request)).toEqual(before);

    // One character less is accepted: the limit is exactly 2,000.
    const fits = tooLong.slice(0, 2000);
    await composer.fill(fits);
    await page.getByRole("button", { name: "Post", exact: true }).click();
    await expect(composer).toHaveValue("");
    await expect(page.getByText("A post can be at most 2,000 characters.")).toHaveCount(0);
    const after = await myPostIds(page.request);
    expect(after.length).toBe(before.length + 1);
    expect(after.slice(1)).toEqual(before);
  });

  test("an empty or blank post is refused", async ({ page }) => {
    const before = await myPostIds(page.request);
    await open(page, "/");
    const composer = page.getByLabel("What's on your mind?");
    for (const body of ["", "   \n  "]) {
      await composer.fill(body);
      await page.getByRole("button", { name: "Post", exact: true }).click();
      await expect(composer).toHaveAccessibleDescription(/^Write something first\./);
      await reopen(page);
    }
    expect(await myPostIds(page.request)).toEqual(before);
    // The API refuses it too.
    const res = await page.request.post("/api/posts", { data: { body: "  ", audience: "PUBLIC" } });
    expect(res.status()).toBe(422);
    expect(await myPostIds(page.request)).toEqual(before);
  });

  test("HTML in a post is shown as text and runs nothing", async ({ page, browser, baseURL }) => {
    await open(page, "/");
    const ids: string[] = [];
    for (const payload of PAYLOADS) {
      await page.getByLabel("What's on your mind?").fill(payload);
      await page.getByLabel("Who can see it", { exact: true }).selectOption("PUBLIC");
      await page.getByRole("button", { name: "Post", exact: true }).click();
      const card = posts(page).filter({ hasText: payload });
      await expectInert(page, card, payload); // rendered by the client, just after posting
      ids.push((await card.getAttribute("data-post-id"))!);
    }
    // Rendered by the server: the author's feed, and a visitor's view of the space and of each post.
    await reopen(page);
    for (const payload of PAYLOADS) await expectInert(page, postCard(page, payload), payload);
    const visitor = await newContext(browser, baseURL!, { bypassCSP: true });
    const visitorPage = await visitor.newPage();
    await open(visitorPage, `/u/${author.user.handle}`);
    for (const payload of PAYLOADS) await expectInert(visitorPage, postCard(visitorPage, payload), payload);
    for (const [i, id] of ids.entries()) {
      await open(visitorPage, `/u/${author.user.handle}/post/${id}`);
      await expectInert(visitorPage, posts(visitorPage), PAYLOADS[i]!);
    }
    await visitor.close();
  });

  test("a forged authorId in POST /api/posts is refused and creates nothing", async ({ page, browser, baseURL }) => {
    const victim = await newContext(browser, baseURL!);
    const victimUser = uniqueUser("victim");
    const victimPage = await victim.newPage();
    await signUpViaUI(victimPage, victimUser);
    const victimPost = await createPostViaApi(victim.request, `victim's own post ${uniqueSuffix()}`, "PUBLIC");
    const victimId = victimPost.author.id;
    await victim.close();

    const before = await myPostIds(page.request);
    const body = `forged ${uniqueSuffix()}`;
    const res = await page.request.post("/api/posts", { data: { body, audience: "PUBLIC", authorId: victimId } });
    expect(res.status()).toBe(422);
    expect(await res.json()).toEqual({ error: "invalid" });

    // Nothing under the victim's name, nothing under the sender's.
    const victimPosts = (await (await page.request.get(`/api/users/${victimUser.handle}/posts`)).json()) as PageJson;
    expect(victimPosts.items.map((p) => p.id)).toEqual([victimPost.id]);
    expect(await myPostIds(page.request)).toEqual(before);
    await open(page, `/u/${victimUser.handle}`);
    await expect(postCard(page, victimPost.body)).toBeVisible();
    await expect(page.getByText(body)).toHaveCount(0);

    // The same request without the extra field is accepted, and authored by the sender.
    const ok = await createPostViaApi(page.request, body, "PUBLIC");
    expect(ok.author.handle).toBe(author.user.handle);
  });
});

test("HTML in a display name is shown as text and runs nothing", async ({ page, browser, baseURL }) => {
  const user = uniqueUser("xss", { displayName: PAYLOADS[0] });
  await signUpViaUI(page, user);
  const post = await createPostViaApi(page.request, `hello from ${user.handle}`, "PUBLIC");
  const visitor = await newContext(browser, baseURL!, { bypassCSP: true });
  const visitorPage = await visitor.newPage();

  for (const [i, payload] of PAYLOADS.entries()) {
    if (i > 0) {
      // Change the name on the settings page.
      await open(page, "/settings");
      await page.getByLabel("Display name", { exact: true }).fill(payload);
      await page.getByRole("button", { name: "Save" }).click();
      await expect(page.getByText("Saved", { exact: true })).toBeVisible();
    }
    for (const p of [page, visitorPage]) {
      await open(p, `/u/${user.handle}`);
      await expectInert(p, p.getByRole("heading", { level: 1 }), payload);
      await expectInert(p, postCard(p, post.body).getByRole("link", { name: payload }), payload);
      await open(p, `/u/${user.handle}/post/${post.id}`);
      await expectInert(p, p.locator("main"), `← ${payload}'s space`);
    }
  }
  await visitor.close();
});

test("sign-in never follows a callbackUrl to another site", async ({ browser, baseURL }) => {
  const member = await newMember(browser, baseURL!, "redir");
  await member.context.close();
  const origin = new URL(baseURL!).origin;
  // Control: a callbackUrl on this site is followed, so the checks below are not vacuous.
  {
    const context = await newContext(browser, baseURL!);
    const page = await context.newPage();
    await signInViaUI(page, member.user, `/signin?callbackUrl=${encodeURIComponent("/friends")}`);
    await expect(page).toHaveURL(`${origin}/friends`);
    await context.close();
  }
  for (const target of ["https://evil.example/", "//evil.example/", "/\\evil.example/", "/\t/evil.example/"]) {
    const context = await newContext(browser, baseURL!);
    let leftSite = false;
    await context.route((url) => url.hostname === "evil.example", (route) => {
      leftSite = true;
      return route.fulfill({ status: 200, contentType: "text/html", body: "<h1>evil</h1>" });
    });
    const page = await context.newPage();
    await signInViaUI(page, member.user, `/signin?callbackUrl=${encodeURIComponent(target)}`);
    await expect(mainNav(page).getByRole("link", { name: "My space" })).toBeVisible();
    await expect(page).toHaveURL(`${origin}/`);
    expect(new URL(page.url()).origin).toBe(origin);
    expect(leftSite, `followed ${target}`).toBe(false);
    await context.close();
  }
});
