import { test, expect, open, reopen, createPostViaApi, posts, shownPostIds, signUpViaUI, uniqueSuffix, uniqueUser, type PageJson } from "./fixtures";
import type { APIRequestContext } from "@playwright/test";

// Keyset pagination: 45 posts page as 20 / 20 / 5, and posts written while
// someone pages neither shift a page nor repeat an item.

/** Writes n posts, oldest first, and returns their ids newest first (the order the feed shows). */
async function writePosts(request: APIRequestContext, label: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= n; i++) ids.push((await createPostViaApi(request, `${label} #${i}`, i % 2 ? "PUBLIC" : "FRIENDS")).id);
  return ids.reverse();
}

test("the feed loads 20, 20, then 5 with no duplicates while new posts arrive", async ({ page }) => {
  await signUpViaUI(page, uniqueUser("pager"));
  const run = uniqueSuffix();
  const originals = await writePosts(page.request, `original ${run}`, 45);

  await open(page, "/");
  await expect(posts(page)).toHaveCount(20);
  expect(await shownPostIds(page)).toEqual(originals.slice(0, 20));
  const loadMore = page.getByRole("button", { name: "Load more" });

  await loadMore.click();
  await expect(posts(page)).toHaveCount(40);
  expect(await shownPostIds(page)).toEqual(originals.slice(0, 40));

  // Three posts arrive between two "Load more" clicks.
  const newcomers = await writePosts(page.request, `newcomer ${run}`, 3);

  await loadMore.click();
  await expect(page.getByText("You're all caught up.")).toBeVisible();
  await expect(loadMore).toHaveCount(0);
  await expect(posts(page)).toHaveCount(45);
  const shown = await shownPostIds(page);
  expect(new Set(shown).size).toBe(45);
  expect(shown).toEqual(originals);
  await expect(page.getByText(`newcomer ${run}`)).toHaveCount(0);
  await expect(page.getByText(`original ${run} #1`, { exact: true })).toBeVisible();
  await expect(page.getByText(`original ${run} #45`, { exact: true })).toBeVisible();

  // The newcomers are real: a reload shows them on top.
  await reopen(page);
  await expect(posts(page)).toHaveCount(20);
  expect(await shownPostIds(page)).toEqual([...newcomers, ...originals.slice(0, 17)]);
});

test("GET /api/feed?before=<cursor> pages 20, 20, 5 and ends with a null cursor", async ({ page }) => {
  await signUpViaUI(page, uniqueUser("apipage"));
  const run = uniqueSuffix();
  const originals = await writePosts(page.request, `api ${run}`, 45);
  const get = async (before: string | null) => {
    const res = await page.request.get(before ? `/api/feed?before=${before}` : "/api/feed");
    expect(res.status()).toBe(200);
    return (await res.json()) as PageJson;
  };

  const first = await get(null);
  expect(first.items.map((p) => p.id)).toEqual(originals.slice(0, 20));
  expect(first.nextCursor).toBe(originals[19]);

  const second = await get(first.nextCursor);
  expect(second.items.map((p) => p.id)).toEqual(originals.slice(20, 40));
  expect(second.nextCursor).toBe(originals[39]);

  await writePosts(page.request, `api newcomer ${run}`, 3);

  const third = await get(second.nextCursor);
  expect(third.items.map((p) => p.id)).toEqual(originals.slice(40));
  expect(third.nextCursor).toBeNull();

  const all = [...first.items, ...second.items, ...third.items].map((p) => p.id);
  expect(new Set(all).size).toBe(45);
  expect(all).toEqual(originals);
  expect(third.items.at(-1)!.body).toBe(`api ${run} #1`);

  // A malformed cursor is refused rather than ignored.
  expect((await page.request.get("/api/feed?before=abc")).status()).toBe(422);
});
