import { test, expect, newContext, newMember, open, reopen, uniqueSuffix } from "./fixtures";
import type { Page } from "@playwright/test";

// The guestbook (留言板) across four browsers: a public and a private
// message, the owner's reply, what a third user and a signed-out visitor
// see (the private text nowhere in their page, not even in the page's
// data), and the approval queue.

const entries = (page: Page) => page.getByTestId("guestbook-entry");
const entry = (page: Page, text: string) => entries(page).filter({ hasText: text });

/** The private text must not be in the DOM nor in the serialised page data (RSC payload scripts). */
async function expectNowhere(page: Page, text: string) {
  await expect(page.getByText(text)).toHaveCount(0);
  expect(await page.content()).not.toContain(text);
}

async function leaveMessage(page: Page, ownerName: string, text: string, { private: isPrivate = false } = {}) {
  const box = page.getByLabel(`Leave a message for ${ownerName}`, { exact: true });
  await box.fill(text);
  if (isPrivate) await page.getByRole("checkbox", { name: /^Private/ }).check();
  await page.getByRole("button", { name: "Leave message", exact: true }).click();
  await expect(entry(page, text)).toHaveCount(1);
  await expect(box).toHaveValue("");
}

test("guestbook: private messages, replies and approval decide who sees what", async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const run = uniqueSuffix();
  const publicText = `Hello from B, everyone can read this ${run}`;
  const privateText = `A secret just for A ${run}`;
  const replyText = `Thanks B, nice to see you ${run}`;
  const pendingText = `C waits for approval ${run}`;

  const [a, b, c] = await Promise.all([newMember(browser, baseURL!, "alice"), newMember(browser, baseURL!, "bob"), newMember(browser, baseURL!, "carol")]);
  const guestbook = `/u/${a.user.handle}/guestbook`;

  await test.step("B finds an empty guestbook and leaves a public and a private message", async () => {
    await open(b.page, `/u/${a.user.handle}`);
    await b.page.getByRole("link", { name: "Guestbook" }).click();
    await expect(b.page).toHaveURL(new RegExp(`${guestbook}$`));
    await expect(b.page.getByTestId("guestbook-empty")).toContainText("Be the first");
    await leaveMessage(b.page, a.user.displayName, publicText);
    await leaveMessage(b.page, a.user.displayName, privateText, { private: true });
    await expect(entry(b.page, privateText).getByTestId("entry-private")).toHaveText(/Private/);
    await expect(entry(b.page, publicText).getByTestId("entry-private")).toHaveCount(0);
    await reopen(b.page);
    await expect(entries(b.page)).toHaveCount(2);
    await expect(entries(b.page).first()).toContainText(privateText); // newest first
  });

  await test.step("A sees both, the private one marked, and replies to the public one", async () => {
    await open(a.page, guestbook);
    await expect(a.page.getByTestId("guestbook-count")).toHaveText("2 messages");
    await expect(entry(a.page, privateText).getByTestId("entry-private")).toBeVisible();
    await expect(entry(a.page, publicText).getByTestId("entry-private")).toHaveCount(0);
    await entry(a.page, publicText).getByRole("button", { name: "Reply", exact: true }).click();
    await a.page.getByLabel(`Your reply to ${b.user.displayName}`).fill(replyText);
    await a.page.getByRole("button", { name: "Save reply" }).click();
    await expect(entry(a.page, publicText).getByTestId("entry-reply")).toContainText(replyText);
    await expect(entry(a.page, publicText).getByRole("button", { name: "Edit reply" })).toBeVisible();
    await reopen(a.page);
    await expect(entry(a.page, publicText).getByTestId("entry-reply")).toContainText(replyText);
  });

  await test.step("C sees the public message and A's reply, never the private one", async () => {
    await open(c.page, guestbook);
    await expect(entry(c.page, publicText)).toBeVisible();
    await expect(entry(c.page, publicText).getByTestId("entry-reply")).toContainText(replyText);
    await expect(entries(c.page)).toHaveCount(1);
    await expect(c.page.getByTestId("guestbook-count")).toHaveText("1 message");
    await expectNowhere(c.page, privateText);
    // Not hers to manage.
    await expect(entry(c.page, publicText).getByRole("button")).toHaveCount(0);
  });

  await test.step("a signed-out visitor sees the public message and a sign-in prompt", async () => {
    const context = await newContext(browser, baseURL!);
    const page = await context.newPage();
    await open(page, guestbook);
    await expect(entry(page, publicText)).toBeVisible();
    await expect(entries(page)).toHaveCount(1);
    await expectNowhere(page, privateText);
    await expect(page.getByRole("link", { name: "Sign in to leave a message" })).toBeVisible();
    await expect(page.getByLabel(/Leave a message for/)).toHaveCount(0);
    await context.close();
  });

  await test.step("A turns on approval", async () => {
    await open(a.page, guestbook);
    const toggle = a.page.getByRole("checkbox", { name: "Require approval for new messages" });
    await expect(toggle).not.toBeChecked();
    await toggle.check();
    await expect(a.page.getByRole("status").filter({ hasText: "New messages now wait for your approval." })).toBeVisible();
    await reopen(a.page);
    await expect(a.page.getByRole("checkbox", { name: "Require approval for new messages" })).toBeChecked();
  });

  await test.step("C's new message shows to C as awaiting approval and is invisible to B", async () => {
    await reopen(c.page);
    await expect(c.page.getByText(`${a.user.displayName} approves messages before others see them.`)).toBeVisible();
    await leaveMessage(c.page, a.user.displayName, pendingText);
    await expect(entry(c.page, pendingText).getByTestId("entry-pending")).toHaveText("Awaiting approval");
    await reopen(c.page);
    await expect(entry(c.page, pendingText).getByTestId("entry-pending")).toHaveText("Awaiting approval");

    await open(b.page, guestbook);
    await expect(entry(b.page, publicText)).toBeVisible();
    await expectNowhere(b.page, pendingText);
  });

  await test.step("A approves it, and B sees it", async () => {
    await open(a.page, guestbook);
    await expect(a.page.getByTestId("guestbook-pending")).toHaveText("1 message awaits your approval");
    const card = entry(a.page, pendingText);
    await expect(card.getByTestId("entry-pending")).toBeVisible();
    await card.getByRole("button", { name: "Approve" }).click();
    await expect(card.getByTestId("entry-pending")).toHaveCount(0);
    await expect(a.page.getByTestId("guestbook-pending")).toHaveCount(0);

    await reopen(b.page);
    await expect(entry(b.page, pendingText)).toBeVisible();
    await expect(entry(b.page, pendingText).getByTestId("entry-pending")).toHaveCount(0);
  });

  await test.step("B deletes their own private message", async () => {
    b.page.once("dialog", (dialog) => void dialog.accept());
    await entry(b.page, privateText).getByRole("button", { name: "Delete" }).click();
    await expect(entry(b.page, privateText)).toHaveCount(0);
    await open(a.page, guestbook);
    await expectNowhere(a.page, privateText);
  });

  await Promise.all([a.context.close(), b.context.close(), c.context.close()]);
});
