import { execFileSync } from "node:child_process";
import type { Page } from "@playwright/test";
import { test, expect, open, openUntil, newMember, postCard, postWithComposer, uniqueSuffix } from "./fixtures";

// Reports through the UI: C, a stranger, reports A's public status from the
// card's ⋯ menu (reason, note, a double-click on Send: one report) and A
// from A's space (More, Report user). D is no admin yet and gets the 404
// page for /admin/reports; after `npm run admin -- grant` (the real script)
// D sees both reports there, newest first, removes the status and dismisses
// the user report. C no longer sees the status anywhere.

async function expectNotFoundPage(page: Page, url: string) {
  const res = await open(page, url);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
}

function adminScript(command: "grant" | "revoke", handle: string) {
  return execFileSync(process.execPath, ["scripts/admin.mjs", command, handle], { env: process.env, encoding: "utf8" });
}

test("C reports a post and a user; an admin removes the post and dismisses the user report", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const run = uniqueSuffix();
  const status = `Buy cheap followers now ${run}`;
  const note = `Posted the same link ten times ${run}`;
  const a = await newMember(browser, baseURL!, "rpta");
  const c = await newMember(browser, baseURL!, "rptc");
  const d = await newMember(browser, baseURL!, "rptd");

  let postId = "";
  await test.step("A posts a public status", async () => {
    await open(a.page, "/");
    postId = await postWithComposer(a.page, status, "Everyone");
    // The author's own card has no Report menu.
    await expect(postCard(a.page, status).getByRole("button", { name: "More actions for this post" })).toHaveCount(0);
  });

  await test.step("C reports it from the card's menu: a reason is required, a double-click sends one report", async () => {
    await openUntil(c.page, `/u/${a.user.handle}`, () => expect(postCard(c.page, status)).toBeVisible({ timeout: 1000 }));
    const card = postCard(c.page, status);
    await card.getByRole("button", { name: "More actions for this post" }).click();
    await card.getByRole("menuitem", { name: "Report" }).click();
    const dialog = c.page.getByRole("dialog", { name: "Report this post" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Send report" }).click();
    await expect(dialog.getByText("Choose a reason.")).toBeVisible();
    const reasons = dialog.getByRole("group", { name: "What's wrong with it?" });
    await expect(reasons.getByRole("radio")).toHaveCount(6);
    await reasons.getByRole("radio", { name: "Spam or scam" }).check();
    await dialog.getByLabel("Anything else an admin should know? (optional)").fill(note);
    await expect(dialog.getByText(`${[...note].length} / 500`)).toBeVisible();
    await dialog.getByRole("button", { name: "Send report" }).dblclick();
    await expect(dialog.getByRole("status")).toHaveText("Thank you. Your report was sent and an admin will review it.");
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step("C reports A from A's space (More, Report user)", async () => {
    await c.page.getByRole("button", { name: `More actions for ${a.user.displayName}` }).click();
    await c.page.getByRole("menuitem", { name: "Report user" }).click();
    const dialog = c.page.getByRole("dialog", { name: `Report ${a.user.displayName}` });
    await dialog.getByRole("radio", { name: "Harassment or bullying" }).check();
    await dialog.getByRole("button", { name: "Send report" }).click();
    await expect(dialog.getByRole("status")).toHaveText("Thank you. Your report was sent and an admin will review it.");
    await c.page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  });

  await test.step("/admin/reports is the 404 page for non-admins", async () => {
    await expectNotFoundPage(c.page, "/admin/reports");
    await expectNotFoundPage(d.page, "/admin/reports");
    await expect(d.page.getByRole("banner").getByRole("link", { name: "Reports" })).toHaveCount(0);
  });

  await test.step("D is made an admin with the real script and sees both reports, newest first", async () => {
    expect(adminScript("grant", d.user.handle)).toContain(`@${d.user.handle} is now an admin`);
    // The header links admins to the review page (the viewer row is cached for 2 s per process).
    await expect(async () => {
      await open(d.page, "/");
      await expect(d.page.getByRole("banner").getByRole("link", { name: "Reports" })).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await d.page.getByRole("banner").getByRole("link", { name: "Reports" }).click();
    await expect(d.page).toHaveURL(/\/admin\/reports$/);
    await expect(d.page.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
    const ours = d.page.getByTestId("report").filter({ hasText: c.user.displayName });
    await expect(ours).toHaveCount(2);
    const [userReport, itemReport] = [ours.nth(0), ours.nth(1)];
    await expect(userReport).toContainText("Reported user");
    await expect(userReport).toContainText(a.user.displayName);
    await expect(userReport.getByTestId("report-reason")).toHaveText("Harassment or bullying");
    await expect(itemReport).toContainText("Reported post");
    await expect(itemReport.getByTestId("report-reason")).toHaveText("Spam or scam");
    await expect(itemReport).toContainText(note);
    await expect(itemReport.getByTestId("reported-item")).toContainText(status);
    await expect(itemReport.getByRole("link", { name: "Open the post" })).toHaveAttribute("href", `/u/${a.user.handle}/post/${postId}`);
    // A user report has nothing to remove.
    await expect(userReport.getByRole("button", { name: "Remove item" })).toHaveCount(0);

    d.page.once("dialog", (dlg) => dlg.accept());
    await itemReport.getByRole("button", { name: "Remove item" }).click();
    await expect(itemReport.getByRole("status")).toHaveText("Item removed.");
    await userReport.getByRole("button", { name: "Dismiss" }).click();
    await expect(userReport.getByRole("status")).toHaveText("Dismissed.");

    await open(d.page, "/admin/reports");
    await expect(d.page.getByTestId("report").filter({ hasText: c.user.displayName })).toHaveCount(0);
  });

  await test.step("the post is gone for C (space and its URL) and for A", async () => {
    await open(c.page, `/u/${a.user.handle}`);
    await expect(c.page.getByRole("heading", { name: a.user.displayName, level: 1 })).toBeVisible();
    await expect(postCard(c.page, status)).toHaveCount(0);
    await expectNotFoundPage(c.page, `/u/${a.user.handle}/post/${postId}`);
    await open(a.page, `/u/${a.user.handle}`);
    await expect(postCard(a.page, status)).toHaveCount(0);
  });

  await test.step("revoked, D gets the 404 page again", async () => {
    adminScript("revoke", d.user.handle);
    await expectNotFoundPage(d.page, "/admin/reports");
    await expect(d.page.getByRole("banner").getByRole("link", { name: "Reports" })).toHaveCount(0);
  });

  for (const m of [a, c, d]) await m.context.close();
});
