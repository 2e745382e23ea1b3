import { test, expect, open, openUntil, reopen, newMember } from "./fixtures";
import type { Page } from "@playwright/test";

// Visitors (访客): a signed-in visit shows up in the owner's Visitors panel;
// "visit without leaving footprints" leaves none, and (consent both ways)
// the person hiding theirs sees a note instead of their own visitor list.

const panel = (page: Page) => page.getByRole("region", { name: "Visitors" });
const visitorRow = (page: Page, name: string) => panel(page).getByTestId("visitor").filter({ hasText: name });

test("a visit is shown to the owner, and not recorded when footprints are hidden", async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  // One after another: sign-up hashes a password, and four at once on a busy machine time out.
  const member = (name: string) => newMember(browser, baseURL!, name);
  const a = await member("alice");
  const b = await member("bob");
  const c = await member("carol");
  const d = await member("dave");
  const spaceA = `/u/${a.user.handle}`;

  await test.step("B visits A's space and sees nothing about A's visitors", async () => {
    await open(b.page, spaceA);
    await expect(b.page.getByRole("heading", { name: a.user.displayName })).toBeVisible();
    await expect(panel(b.page)).toHaveCount(0);
  });

  await test.step("A sees B in the Visitors panel, with the time of the visit", async () => {
    // The visit is written just after B's page was sent: reload until it is there.
    await openUntil(a.page, spaceA, async () => {
      await expect(visitorRow(a.page, b.user.displayName)).toBeVisible({ timeout: 1000 });
    });
    const row = visitorRow(a.page, b.user.displayName);
    await expect(row.getByRole("link", { name: b.user.displayName })).toHaveAttribute("href", `/u/${b.user.handle}`);
    await expect(row).toContainText("Last visit");
    await expect(row.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
    await expect(panel(a.page).getByTestId("visitors-summary")).toHaveText(/1 visitor in the last 90 days · 1 today/);
  });

  await test.step("C turns on “visit without leaving footprints” in settings", async () => {
    await open(c.page, "/settings");
    const toggle = c.page.getByLabel("Visit without leaving footprints");
    await expect(toggle).not.toBeChecked();
    await toggle.check();
    await expect(c.page.locator("#footprints").getByRole("status")).toHaveText("Saved");
    await reopen(c.page);
    await expect(c.page.getByLabel("Visit without leaving footprints")).toBeChecked();
  });

  await test.step("C visits A, then D does: A sees D but never C", async () => {
    await open(c.page, spaceA);
    await expect(c.page.getByRole("heading", { name: a.user.displayName })).toBeVisible();
    await open(d.page, spaceA);
    await openUntil(a.page, spaceA, async () => {
      await expect(visitorRow(a.page, d.user.displayName)).toBeVisible({ timeout: 1000 });
    });
    await expect(visitorRow(a.page, b.user.displayName)).toBeVisible();
    await expect(panel(a.page).getByText(c.user.displayName)).toHaveCount(0);
    await expect(panel(a.page).getByTestId("visitor")).toHaveCount(2);
    // Most recent first.
    await expect(panel(a.page).getByTestId("visitor").first()).toContainText(d.user.displayName);
  });

  await test.step("C's own space shows the consent note instead of a visitor list", async () => {
    await open(c.page, `/u/${c.user.handle}`);
    const note = panel(c.page).getByTestId("visitors-hidden-note");
    await expect(note).toContainText("You visit without leaving footprints");
    await expect(note.getByRole("link", { name: "Change this in Settings" })).toHaveAttribute("href", "/settings#footprints");
    await expect(panel(c.page).getByTestId("visitor")).toHaveCount(0);
    await expect(panel(c.page).getByTestId("visitors-summary")).toHaveCount(0);
  });

  await test.step("B (normal) sees their own panel: empty at first, then A's visit", async () => {
    await open(b.page, `/u/${b.user.handle}`);
    await expect(panel(b.page).getByTestId("visitors-empty")).toBeVisible();
    await open(a.page, `/u/${b.user.handle}`);
    await openUntil(b.page, `/u/${b.user.handle}`, async () => {
      await expect(visitorRow(b.page, a.user.displayName)).toBeVisible({ timeout: 1000 });
    });
  });

  await Promise.all([a, b, c, d].map((m) => m.context.close()));
});
