import { test, expect, open, newMember, createPostViaApi, shownPostIds, befriendViaUI, posts } from "./fixtures";
import type { Page } from "@playwright/test";

// "View my space as ...": the owner's preview is computed by the same privacy
// module, so it must show exactly what a real stranger's (or friend's) browser
// shows: same items, same counts, no owner tools.

async function whatIsShown(page: Page) {
  await expect(page.getByTestId("count-posts")).toBeVisible();
  return { ids: await shownPostIds(page), count: await page.getByTestId("count-posts").textContent() };
}

async function previewAs(page: Page, label: string) {
  await page.getByLabel("View my space as").selectOption({ label });
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(page.getByTestId("preview-banner")).toBeVisible();
}

test("view as stranger and as friend match what a real stranger and friend see", async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const a = await newMember(browser, baseURL!, "owner");
  const friend = await newMember(browser, baseURL!, "friend");
  const stranger = await newMember(browser, baseURL!, "stranger");
  await befriendViaUI(a, friend);
  const pub = await createPostViaApi(a.context.request, "Hello everyone", "PUBLIC");
  const fr = await createPostViaApi(a.context.request, "Only for friends", "FRIENDS");
  const me = await createPostViaApi(a.context.request, "Note to self", "ONLY_ME");
  const space = `/u/${a.user.handle}`;
  // More comments than a card shows (3), so the preview has to ask for the rest.
  await open(friend.page, `${space}/post/${pub.id}`);
  const box = friend.page.getByLabel("Write a comment", { exact: true });
  for (let i = 1; i <= 4; i++) {
    await box.fill(`Comment ${i} from a friend`);
    await friend.page.getByRole("button", { name: "Comment", exact: true }).click();
    await expect(friend.page.getByText(`Comment ${i} from a friend`)).toBeVisible();
    await expect(box).toHaveValue(""); // the box is cleared once the comment is in
  }

  await open(stranger.page, space);
  const asStranger = await whatIsShown(stranger.page);
  expect(asStranger.ids).toEqual([pub.id]);

  await open(friend.page, space);
  const asFriend = await whatIsShown(friend.page);
  expect(asFriend.ids).toEqual([fr.id, pub.id]);

  await test.step("the owner sees everything, then previews as a stranger", async () => {
    await open(a.page, space);
    expect((await whatIsShown(a.page)).ids).toEqual([me.id, fr.id, pub.id]);
    await previewAs(a.page, "a stranger");
    await expect(posts(a.page)).toHaveCount(1);
    expect(await whatIsShown(a.page)).toEqual(asStranger);
    await expect(a.page.getByTestId("preview-banner")).toContainText("as a stranger sees it");
    await expect(a.page.getByRole("link", { name: "Edit profile" })).toHaveCount(0);
    await expect(a.page.getByLabel("What's on your mind?")).toHaveCount(0);
    // Read-only: nothing on the page can act as the owner behind the preview.
    await expect(a.page.getByRole("button", { name: /^Like/ })).toHaveCount(0);
    await expect(a.page.getByRole("button", { name: "Add friend" })).toHaveCount(0);
    // "View all" asks the comments route as the preview too: no owner's Delete on the comments it loads.
    await a.page.getByRole("button", { name: "View all 4 comments" }).click();
    await expect(a.page.getByText("Comment 1 from a friend")).toBeVisible();
    await expect(a.page.getByRole("button", { name: /^Delete comment by/ })).toHaveCount(0);
  });

  await test.step("the preview follows the owner across the space's tabs", async () => {
    await a.page.getByRole("link", { name: "Diary" }).click();
    await expect(a.page).toHaveURL(new RegExp(`${space}/diary`));
    await expect(a.page.getByTestId("preview-banner")).toBeVisible();
  });

  await test.step("as a friend", async () => {
    await open(a.page, space);
    await a.page.getByRole("button", { name: "Exit preview" }).click();
    await expect(a.page.getByTestId("preview-banner")).toHaveCount(0);
    await previewAs(a.page, "a friend");
    await expect(posts(a.page)).toHaveCount(2);
    expect(await whatIsShown(a.page)).toEqual(asFriend);
  });

  await test.step("exiting shows the owner's own view again", async () => {
    await a.page.getByRole("button", { name: "Exit preview" }).click();
    await expect(a.page.getByTestId("preview-banner")).toHaveCount(0);
    await expect(posts(a.page)).toHaveCount(3);
    await expect(a.page.getByRole("link", { name: "Edit profile" })).toBeVisible();
  });

  for (const m of [a, friend, stranger]) await m.context.close();
});
