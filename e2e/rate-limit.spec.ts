import { test, expect, open, credentialsAttempt, mainNav, newContext, newMember, uniqueUser } from "./fixtures";

// Sign-in attempts are limited per account: 10 per window (the per-IP
// budget is lifted for the tests, see playwright.config.ts).

const RATE_LIMITED = "Too many attempts. Please wait a few minutes and try again.";

test("the 11th sign-in attempt for one account answers 429 with a clear message", async ({ request }) => {
  const target = uniqueUser("limited").email; // fresh: no earlier attempts counted
  for (let i = 1; i <= 10; i++) {
    const res = await credentialsAttempt(request, target, `wrong-password-${i}`);
    expect(res.status(), `attempt ${i}`).toBe(401);
  }
  const eleventh = await credentialsAttempt(request, target, "wrong-password-11", { "accept-language": "en-US,en;q=0.9" });
  expect(eleventh.status()).toBe(429);
  expect(eleventh.headers()["retry-after"]).toMatch(/^\d+$/);
  const body = await eleventh.json();
  expect(body.message).toBe(RATE_LIMITED);
  expect(body.error).toBe("RateLimited");
  // In the asker's language; and letter case does not make a new account key.
  const zh = await credentialsAttempt(request, target.toUpperCase(), "x", { "accept-language": "zh-CN" });
  expect(zh.status()).toBe(429);
  expect((await zh.json()).message).toBe("尝试次数太多，请几分钟后再试。");

  // Another account from the same address is not affected.
  const other = await credentialsAttempt(request, uniqueUser("bystander").email, "wrong-password");
  expect(other.status()).toBe(401);
});

test("when limited, the sign-in form says so, even for the right password", async ({ page, browser, baseURL }) => {
  const member = await newMember(browser, baseURL!, "limui");
  await member.context.close();
  const { user } = member;
  // Use up the account's budget (its sign-up already signed it in once).
  let status = 0;
  for (let i = 0; i < 11 && status !== 429; i++) status = (await credentialsAttempt(page.request, user.email, "wrong-password")).status();
  expect(status).toBe(429);

  await open(page, "/signin");
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signin-error")).toHaveText(RATE_LIMITED);
  await expect(page).toHaveURL(/\/signin$/);
  await expect(mainNav(page).getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});

  // A fresh context (no cookies) is limited just the same: the key is the account.
  const other = await newContext(browser, baseURL!);
  expect((await credentialsAttempt(other.request, user.email, user.password)).status()).toBe(429);
  await other.close();
});
