import { test, expect, open, reopen, mainNav, newContext, signUpViaUI, uniqueUser } from "./fixtures";

// The language switch and Accept-Language negotiation.

test("the language switch turns a visitor's UI Chinese, and it sticks across reloads", async ({ page }) => {
  await open(page, "/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(mainNav(page).getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "A space of your own" })).toBeVisible();

  await page.getByLabel("Language").selectOption({ label: "中文" });
  await expect(mainNav(page).getByRole("link", { name: "登录" })).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: "注册" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "一个属于你的空间" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByLabel("语言")).toHaveValue("zh-CN");

  for (const path of ["/", "/signin"]) {
    await open(page, path);
    await expect(mainNav(page).getByRole("link", { name: "登录" })).toBeVisible();
    await expect(mainNav(page).getByRole("link", { name: "Sign in" })).toHaveCount(0);
  }
  await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();

  // And back.
  await page.getByLabel("语言").selectOption({ label: "English" });
  await expect(mainNav(page).getByRole("link", { name: "Sign in" })).toBeVisible();
  await reopen(page);
  await expect(mainNav(page).getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("a signed-in user's navigation switches to Chinese and stays so", async ({ page }) => {
  await signUpViaUI(page, uniqueUser("lang"));
  await expect(mainNav(page).getByRole("link", { name: "Feed" })).toBeVisible();
  await page.getByLabel("Language").selectOption("zh-CN");
  await expect(mainNav(page).getByRole("link", { name: "动态" })).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: "我的空间" })).toBeVisible();
  // Client components switch too: the composer's button and label.
  await expect(page.getByRole("button", { name: "发表" })).toBeVisible();
  await expect(page.getByLabel("说点什么吧")).toBeVisible();
  await reopen(page);
  await expect(mainNav(page).getByRole("link", { name: "动态" })).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: "Feed" })).toHaveCount(0);
});

test("a browser asking for zh-CN gets Chinese by default", async ({ browser, baseURL }) => {
  const context = await newContext(browser, baseURL!, { locale: "zh-CN" });
  const page = await context.newPage();
  await open(page, "/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(mainNav(page).getByRole("link", { name: "登录" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "一个属于你的空间" })).toBeVisible();
  await expect(page.getByLabel("语言")).toHaveValue("zh-CN");
  await context.close();
});
