import { test, expect, open, uniqueUser } from "./fixtures";

// Security headers on pages and API responses.

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

test("pages carry a nonce-based CSP, frame-ancestors 'none', nosniff and a referrer policy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) violations.push(m.text());
  });
  const nonces: string[] = [];
  for (const path of ["/", "/signin", "/signup"]) {
    const res = await open(page, path);
    expect(res?.status()).toBe(200);
    const headers = res!.headers();
    const csp = headers["content-security-policy"];
    expect(csp, `CSP on ${path}`).toBeTruthy();
    const d = directives(csp!);
    const scriptSrc = d.get("script-src") ?? [];
    const nonce = scriptSrc.find((v) => /^'nonce-[A-Za-z0-9+/=_-]{16,}'$/.test(v));
    expect(nonce, `script-src ${scriptSrc.join(" ")}`).toBeTruthy();
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
    nonces.push(nonce!.slice(7, -1));

    // Next's own scripts carry this response's nonce, so the page works under the policy.
    const scriptNonces = await page.evaluate(() => [...document.scripts].map((s) => s.nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    for (const n of scriptNonces) expect(n).toBe(nonces.at(-1));
  }
  expect(new Set(nonces).size, "a fresh nonce per response").toBe(nonces.length);

  // The page is interactive (hydrated under the CSP): the sign-in form answers without a reload.
  await open(page, "/signin");
  await page.getByLabel("Email", { exact: true }).fill(uniqueUser("nobody").email);
  await page.getByLabel("Password", { exact: true }).fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signin-error")).toHaveText("Wrong email or password.");
  expect(violations).toEqual([]);
});

test("API responses and 404s carry the headers too", async ({ request }) => {
  for (const path of ["/api/feed", "/api/posts/2147483647", "/no-such-page"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBeGreaterThanOrEqual(400);
    const headers = res.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBeTruthy();
    expect(directives(headers["content-security-policy"] ?? "").get("frame-ancestors"), path).toEqual(["'none'"]);
  }
});
