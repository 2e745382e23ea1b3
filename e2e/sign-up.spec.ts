import { test, expect, open, reopen, fillSignUp, mainNav, newContext, newMember, signInViaApi, signInViaUI, signUpViaUI, uniqueUser, type Member } from "./fixtures";
import type { Page } from "@playwright/test";

// Sign-up and sign-in errors, sign-out, and sign-out everywhere.

const signedOut = async (page: Page) => {
  await expect(mainNav(page).getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: "My space" })).toHaveCount(0);
};

test.describe("sign-up and sign-in errors", () => {
  let existing: Member;
  test.beforeAll(async ({ browser }, testInfo) => {
    existing = await newMember(browser, testInfo.project.use.baseURL!, "taken");
  });
  test.afterAll(async () => existing?.context.close());

  test("sign-up shows each error next to its field, then succeeds once fixed", async ({ page }) => {
    const user = uniqueUser("newbie");
    await fillSignUp(page, { ...user, handle: "Bad Handle!", password: "short" });
    const handle = page.getByLabel("Handle", { exact: true });
    const password = page.getByLabel("Password", { exact: true });
    await expect(handle).toHaveAccessibleDescription("Use 3–20 characters: a–z, 0–9 or _.");
    await expect(handle).toHaveAttribute("aria-invalid", "true");
    await expect(password).toHaveAccessibleDescription("The password must be at least 8 characters.");
    await expect(password).toHaveAttribute("aria-invalid", "true");
    // The valid fields carry no error.
    await expect(page.getByLabel("Email", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/signup$/);
    await signedOut(page);

    // Fixed, the same form signs the new user up and in.
    await handle.fill(user.handle);
    await password.fill(user.password);
    await page.getByRole("button", { name: "Sign up" }).click();
    await expect(mainNav(page).getByRole("link", { name: "My space" })).toBeVisible();
  });

  test("sign-up refuses a taken email and a taken handle, next to the field", async ({ page }) => {
    const fresh = uniqueUser("fresh");
    await fillSignUp(page, { ...fresh, email: existing.user.email });
    const email = page.getByLabel("Email", { exact: true });
    await expect(email).toHaveAccessibleDescription("An account with this email already exists.");
    await expect(email).toHaveAttribute("aria-invalid", "true");

    await fillSignUp(page, { ...fresh, handle: existing.user.handle });
    const handle = page.getByLabel("Handle", { exact: true });
    await expect(handle).toHaveAccessibleDescription("This handle is taken. Try another.");
    await expect(handle).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Email", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
    await signedOut(page);

    // Neither attempt created an account: the fresh handle has no space.
    const res = await open(page, `/u/${fresh.handle}`);
    expect(res?.status()).toBe(404);
  });

  test("a wrong password and an unknown email get the same message", async ({ page }) => {
    await signInViaUI(page, { email: existing.user.email, password: "wrong-password-123" });
    const error = page.getByTestId("signin-error");
    await expect(error).toHaveText("Wrong email or password.");
    await expect(page).toHaveURL(/\/signin$/);
    await signedOut(page);

    await signInViaUI(page, { email: uniqueUser("ghost").email, password: existing.user.password });
    await expect(error).toHaveText("Wrong email or password.");
    await signedOut(page);

    // The right password works, so the errors above were about the credentials.
    await signInViaUI(page, existing.user);
    await expect(mainNav(page).getByRole("link", { name: "My space" })).toBeVisible();
  });
});

test("sign out ends the session in this browser", async ({ page }) => {
  const user = uniqueUser("leaver");
  await signUpViaUI(page, user);
  await mainNav(page).getByRole("button", { name: "Sign out", exact: true }).click();
  await signedOut(page);
  await reopen(page);
  await signedOut(page);
  expect((await page.request.get("/api/feed")).status()).toBe(401);
});

test("sign out everywhere also ends another browser's session", async ({ page, browser, baseURL }) => {
  const user = uniqueUser("roamer");
  await signUpViaUI(page, user);

  const other = await newContext(browser, baseURL!);
  await signInViaApi(other, user);
  const otherPage = await other.newPage();
  await open(otherPage, "/");
  await expect(mainNav(otherPage).getByRole("link", { name: "My space" })).toBeVisible();
  expect((await other.request.get("/api/feed")).status()).toBe(200);

  await open(page, "/settings");
  let question = "";
  page.once("dialog", (d) => {
    question = d.message();
    void d.accept();
  });
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await signedOut(page);
  expect(question).toBe("Sign out on every device, including this one?");

  // The other browser still holds its cookie, but the session no longer counts.
  await reopen(otherPage);
  await signedOut(otherPage);
  expect((await other.request.get("/api/feed")).status()).toBe(401);

  // Signing in again works (a new session, not a locked account).
  await signInViaApi(other, user);
  await reopen(otherPage);
  await expect(mainNav(otherPage).getByRole("link", { name: "My space" })).toBeVisible();
  await other.close();
});
