import { test, expect, befriendViaUI, newMember, open, openUntil, postCard, postWithComposer, reopen, uniqueSuffix } from "./fixtures";

// Friend groups (好友分组) and the "chosen groups or friends" audience, in
// three browsers: A makes a group "Classmates" holding friend B on the groups
// page, then posts a status to that group with the composer's picker. B sees
// it in the feed and on A's space; C, also A's friend, sees it nowhere and
// its address answers 404, exactly like a missing post.

test("friend groups: a status shared with a group reaches its members only", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const run = uniqueSuffix();
  const text = `Only for my classmates ${run}`;
  const forFriends = `For all my friends ${run}`;
  const [a, b, c] = await Promise.all([newMember(browser, baseURL!, "alice"), newMember(browser, baseURL!, "bob"), newMember(browser, baseURL!, "carol")]);
  await befriendViaUI(a, b, 1);
  await befriendViaUI(a, c, 2);

  await test.step("A creates the group Classmates and adds B through the friend picker", async () => {
    await open(a.page, "/friends");
    await a.page.getByRole("link", { name: "Friend groups" }).click();
    await expect(a.page.getByRole("heading", { name: "Friend groups", level: 1 })).toBeVisible();
    await expect(a.page.getByTestId("groups-empty")).toContainText("You have no groups yet");
    const name = a.page.getByLabel("New group", { exact: true });
    await name.fill("Classmates");
    await a.page.getByRole("button", { name: "Create group" }).click();
    const group = a.page.getByRole("listitem").filter({ has: a.page.getByRole("heading", { name: "Classmates" }) });
    await expect(group).toContainText("No one in this group yet");
    await expect(name).toHaveValue("");
    // The same name again (in another case) is refused, next to the field.
    await name.fill("classmates");
    await a.page.getByRole("button", { name: "Create group" }).click();
    await expect(a.page.getByText("You already have a group with this name.")).toBeVisible();
    await expect(a.page.getByTestId("group")).toHaveCount(1);

    await group.getByRole("button", { name: "Add friends" }).click();
    await expect(group.getByRole("button", { name: "Add", exact: true })).toBeDisabled();
    await group.getByLabel("Search friends").fill(b.user.displayName.slice(0, 5));
    await expect(group.getByRole("checkbox", { name: new RegExp(c.user.displayName) })).toHaveCount(0);
    await group.getByRole("checkbox", { name: new RegExp(b.user.displayName) }).check();
    await group.getByRole("button", { name: "Add 1 friend" }).click();
    await expect(group.getByRole("list", { name: "Members of Classmates" })).toContainText(b.user.displayName);
    await expect(group).toContainText("1 friend");
    await reopen(a.page);
    await expect(a.page.getByRole("list", { name: "Members of Classmates" }).getByRole("listitem")).toHaveText([new RegExp(b.user.displayName)]);
  });

  let postId = "";
  await test.step("A posts a status to Classmates with the composer's picker", async () => {
    await open(a.page, "/");
    await a.page.getByLabel("What's on your mind?").fill(text);
    await a.page.getByLabel("Who can see it", { exact: true }).selectOption({ label: "Chosen groups or friends" });
    const custom = a.page.getByTestId("audience-custom");
    await expect(custom.getByRole("checkbox", { name: /Classmates/ })).toBeVisible();
    // Nobody chosen yet: refused, with the reason under the picker.
    await a.page.getByRole("button", { name: "Post", exact: true }).click();
    await expect(a.page.locator("#composer-audience-error")).toHaveText("Choose at least one group or friend.");
    await expect(postCard(a.page, text)).toHaveCount(0);
    await custom.getByRole("checkbox", { name: /Classmates/ }).check();
    await expect(a.page.getByTestId("audience-summary")).toHaveText("Shown to: Classmates");
    await a.page.getByRole("button", { name: "Post", exact: true }).click();
    const card = postCard(a.page, text);
    await expect(card).toHaveCount(1);
    await expect(card.getByTestId("audience-badge")).toHaveText("· Classmates");
    postId = (await card.getAttribute("data-post-id"))!;
    expect(postId).toMatch(/^\d+$/);
    // The author's own badge survives a reload (the presenter names the group).
    await reopen(a.page);
    await expect(postCard(a.page, text).getByTestId("audience-badge")).toHaveText("· Classmates");
    // And a post for all friends, which C will see: C's feed has been delivered to when it shows.
    await postWithComposer(a.page, forFriends, "Friends");
  });

  await test.step("B, in the group, sees it in the feed and on A's space", async () => {
    await openUntil(b.page, "/", async () => expect(postCard(b.page, text)).toHaveCount(1));
    await open(b.page, `/u/${a.user.handle}`);
    await expect(postCard(b.page, text)).toHaveCount(1);
    await expect(postCard(b.page, text)).toContainText("Chosen groups or friends");
    // B is not told who else it was shown to.
    await expect(postCard(b.page, text).getByTestId("audience-badge")).toHaveCount(0);
  });

  await test.step("C, a friend outside the group, sees it nowhere; its address is a 404 like a missing post", async () => {
    await openUntil(c.page, "/", async () => expect(postCard(c.page, forFriends)).toHaveCount(1));
    await expect(postCard(c.page, text)).toHaveCount(0);
    await open(c.page, `/u/${a.user.handle}`);
    await expect(postCard(c.page, forFriends)).toHaveCount(1);
    await expect(postCard(c.page, text)).toHaveCount(0);
    const res = await c.page.goto(`/u/${a.user.handle}/post/${postId}`);
    expect(res?.status()).toBe(404);
    expect(await c.page.content()).not.toContain(text);
    const api = await c.context.request.get(`/api/posts/${postId}`);
    const missing = await c.context.request.get(`/api/posts/2147483000`);
    expect(api.status()).toBe(404);
    expect(await api.text()).toBe(await missing.text());
    // B can open it.
    const forB = await b.page.goto(`/u/${a.user.handle}/post/${postId}`);
    expect(forB?.status()).toBe(200);
    await expect(postCard(b.page, text)).toHaveCount(1);
  });

  await Promise.all([a.context.close(), b.context.close(), c.context.close()]);
});
