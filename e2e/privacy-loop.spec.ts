import { test, expect, open, openUntil, reopen, mainNav, newContext, newMember, postCard, posts, postWithComposer, uniqueSuffix } from "./fixtures";
import type { APIRequestContext, Page } from "@playwright/test";

// The whole user loop across several people at once: a friend request,
// posts for each audience, and who sees what (feed, space, direct URL, JSON
// API) as friendships and follows change.

const MISSING_POST_ID = "2147483647"; // the largest id the API accepts; never reached by a test database

/** GET /api/posts/<id> for a hidden post must be indistinguishable from a missing one. */
async function expectApiLikeMissing(request: APIRequestContext, hiddenId: string) {
  const hidden = await request.get(`/api/posts/${hiddenId}`);
  const missing = await request.get(`/api/posts/${MISSING_POST_ID}`);
  expect(missing.status()).toBe(404);
  expect(hidden.status()).toBe(missing.status());
  expect((await hidden.body()).equals(await missing.body()), "byte-identical bodies").toBe(true);
}

async function expectNotFoundPage(page: Page, url: string) {
  const res = await open(page, url);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(posts(page)).toHaveCount(0);
}

test("friend request, audiences, unfriend and follow decide who sees each post", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const run = uniqueSuffix();
  const everyone = `Everyone can read this ${run}`;
  const friendsOnly = `Only friends can read this ${run}`;
  const onlyMe = `Nobody but me reads this ${run}`;

  // Four people, each in their own browser context, signed up through the UI side by side.
  const member = (name: string) => newMember(browser, baseURL!, name);
  const [a, b, c, d] = await Promise.all([member("alice"), member("bob"), member("carol"), member("dave")]);
  const ids: Record<string, string> = {};
  const spaceA = `/u/${a.user.handle}`;
  const permalink = (id: string) => `${spaceA}/post/${id}`;

  await test.step("B sends A a friend request from A's space", async () => {
    await open(b.page, spaceA);
    await expect(b.page.getByRole("heading", { name: a.user.displayName })).toBeVisible();
    await b.page.getByRole("button", { name: "Add friend" }).click();
    await expect(b.page.getByRole("button", { name: "Cancel request" })).toBeVisible();
  });

  await test.step("A sees one pending request in the header and accepts it on /friends", async () => {
    await open(a.page, "/");
    const count = mainNav(a.page).getByTestId("request-count");
    await expect(count).toHaveText("1");
    await expect(count).toHaveAttribute("aria-label", "1 pending friend request");
    await mainNav(a.page).getByRole("link", { name: /Friends/ }).click();
    await expect(a.page).toHaveURL(/\/friends$/);
    await expect(a.page.getByRole("heading", { name: "Friend requests (1)" })).toBeVisible();
    await a.page.getByRole("button", { name: `Accept friend request from ${b.user.displayName}` }).click();
    await expect(a.page.getByRole("heading", { name: "My friends (1)" })).toBeVisible();
    await expect(a.page.getByRole("link", { name: b.user.displayName })).toBeVisible();
    await expect(a.page.getByText("No pending requests.")).toBeVisible();
    await expect(mainNav(a.page).getByTestId("request-count")).toHaveCount(0);
  });

  await test.step("A posts once per audience with the composer", async () => {
    await open(a.page, "/");
    ids.everyone = await postWithComposer(a.page, everyone, "Everyone");
    ids.friends = await postWithComposer(a.page, friendsOnly, "Friends");
    ids.onlyMe = await postWithComposer(a.page, onlyMe, "Only me");
    // The author sees all three, newest first, after a reload too.
    await reopen(a.page);
    await expect(postCard(a.page, onlyMe)).toBeVisible();
    const shown = await posts(a.page).evaluateAll((els) => els.map((el) => el.getAttribute("data-post-id")));
    expect(shown).toEqual([ids.onlyMe, ids.friends, ids.everyone]);
  });

  await test.step("B (friend) sees the everyone and friends posts, never the only-me one", async () => {
    await openUntil(b.page, "/", async () => {
      await expect(postCard(b.page, everyone)).toBeVisible({ timeout: 1000 });
      await expect(postCard(b.page, friendsOnly)).toBeVisible({ timeout: 1000 });
    });
    await expect(posts(b.page)).toHaveCount(2);
    await expect(b.page.getByText(onlyMe)).toHaveCount(0);

    await open(b.page, spaceA);
    await expect(postCard(b.page, everyone)).toBeVisible();
    await expect(postCard(b.page, friendsOnly)).toBeVisible();
    await expect(posts(b.page)).toHaveCount(2);
    await expect(b.page.getByText(onlyMe)).toHaveCount(0);
    await expect(b.page.getByTestId("count-posts")).toHaveText("2");

    // The friends post's own page works for B; the only-me one is a 404 like a missing post.
    await open(b.page, permalink(ids.friends!));
    await expect(postCard(b.page, friendsOnly)).toBeVisible();
    await expectNotFoundPage(b.page, permalink(ids.onlyMe!));
    await expectNotFoundPage(b.page, permalink(MISSING_POST_ID));

    expect((await b.context.request.get(`/api/posts/${ids.friends}`)).status()).toBe(200);
    await expectApiLikeMissing(b.context.request, ids.onlyMe!);
  });

  const anon = await newContext(browser, baseURL!);
  const anonPage = await anon.newPage();

  await test.step("C (a signed-in stranger) and an anonymous visitor see only the everyone post", async () => {
    for (const [page, request] of [
      [c.page, c.context.request],
      [anonPage, anon.request],
    ] as const) {
      await open(page, spaceA);
      await expect(postCard(page, everyone)).toBeVisible();
      await expect(posts(page)).toHaveCount(1);
      await expect(page.getByText(friendsOnly)).toHaveCount(0);
      await expect(page.getByText(onlyMe)).toHaveCount(0);
      await expect(page.getByTestId("count-posts")).toHaveText("1");

      await open(page, permalink(ids.everyone!));
      await expect(postCard(page, everyone)).toBeVisible();
      await expectNotFoundPage(page, permalink(ids.friends!));
      await expectNotFoundPage(page, permalink(ids.onlyMe!));

      expect((await request.get(`/api/posts/${ids.everyone}`)).status()).toBe(200);
      await expectApiLikeMissing(request, ids.friends!);
      await expectApiLikeMissing(request, ids.onlyMe!);
      const list = await (await request.get(`/api/users/${a.user.handle}/posts`)).json();
      expect(list.items.map((p: { id: string }) => p.id)).toEqual([ids.everyone]);
    }
    // The anonymous visitor really is signed out: the header offers sign-in.
    await expect(mainNav(anonPage).getByRole("link", { name: "Sign in" })).toBeVisible();
    // C's feed does not carry A's posts at all: C neither follows nor befriended A.
    await open(c.page, "/");
    await expect(c.page.getByTestId("feed-empty")).toBeVisible();
  });

  await test.step("B unfriends A and loses the friends post", async () => {
    await open(b.page, spaceA);
    b.page.once("dialog", (d) => d.accept());
    await b.page.getByRole("button", { name: "Unfriend" }).click();
    await expect(b.page.getByRole("button", { name: "Add friend" })).toBeVisible();
    await reopen(b.page);
    await expect(postCard(b.page, everyone)).toBeVisible();
    await expect(posts(b.page)).toHaveCount(1);
    await expect(b.page.getByText(friendsOnly)).toHaveCount(0);

    await open(b.page, "/");
    await expect(b.page.getByTestId("feed-empty")).toBeVisible();
    await expect(b.page.getByText(friendsOnly)).toHaveCount(0);
    await expectNotFoundPage(b.page, permalink(ids.friends!));
    await expectApiLikeMissing(b.context.request, ids.friends!);
  });

  await test.step("D follows A and gets only the everyone post in the feed", async () => {
    await open(d.page, spaceA);
    await d.page.getByRole("button", { name: "Follow", exact: true }).click();
    await expect(d.page.getByRole("button", { name: "Unfollow" })).toBeVisible();
    await expect(d.page.getByTestId("count-followers")).toHaveText("1");
    await open(d.page, "/");
    await expect(postCard(d.page, everyone)).toBeVisible();
    await expect(posts(d.page)).toHaveCount(1);
    await expect(d.page.getByText(friendsOnly)).toHaveCount(0);
    await expect(d.page.getByText(onlyMe)).toHaveCount(0);
    const feed = await (await d.context.request.get("/api/feed")).json();
    expect(feed.items.map((p: { id: string }) => p.id)).toEqual([ids.everyone]);
  });

  for (const ctx of [a.context, b.context, c.context, d.context, anon]) await ctx.close();
});
