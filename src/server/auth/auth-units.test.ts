// Auth building blocks without the database: password hashing, the sign-in
// redirect guard and the sign-in/sign-up rate limiter.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { AppError } from "@/server/errors";
import { hashPassword, verifyPassword } from "./password";

describe("hashPassword / verifyPassword", () => {
  it("round-trips, refuses other passwords, and salts every hash", async () => {
    const [h1, h2] = await Promise.all([hashPassword("s3cret-密码"), hashPassword("s3cret-密码")]);
    expect(h1).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(h1).not.toBe(h2);
    expect(h1.split("$")[4]).not.toBe(h2.split("$")[4]); // different salts
    for (const h of [h1, h2]) {
      expect(await verifyPassword("s3cret-密码", h)).toBe(true);
      expect(await verifyPassword("s3cret-密", h)).toBe(false);
      expect(await verifyPassword("S3cret-密码", h)).toBe(false);
      expect(await verifyPassword("", h)).toBe(false);
    }
  });

  it("refuses a stored value that is not a scrypt hash", async () => {
    const good = await hashPassword("pw-12345678");
    expect(await verifyPassword("pw-12345678", good)).toBe(true);
    for (const stored of ["", "pw-12345678", "bcrypt$x$y", good.split("$").slice(0, 5).join("$")]) {
      expect(await verifyPassword("pw-12345678", stored)).toBe(false);
    }
  });
});

describe("safeRedirectPath", () => {
  const origin = "https://kj.example";

  it("keeps same-site paths", () => {
    expect(safeRedirectPath("/u/x")).toBe("/u/x");
    expect(safeRedirectPath("/u/x/post/12?tab=a#c", origin)).toBe("/u/x/post/12?tab=a#c");
    expect(safeRedirectPath("/")).toBe("/");
  });

  it.each(["//evil.example", "//evil.example/u/x", "/\\evil.example", "https://evil.example/", "http://evil.example", "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,hi", "evil.example", ""])(
    "sends %j home",
    (target) => {
      expect(safeRedirectPath(target, origin)).toBe("/");
      expect(safeRedirectPath(target)).toBe("/");
    },
  );

  it("sends null/undefined home", () => {
    expect(safeRedirectPath(null, origin)).toBe("/");
    expect(safeRedirectPath(undefined)).toBe("/");
  });

  it("reduces a same-origin absolute URL to its path, but not one from another port, scheme or host", () => {
    expect(safeRedirectPath("https://kj.example/u/x?y=1#z", origin)).toBe("/u/x?y=1#z");
    expect(safeRedirectPath("https://kj.example", origin)).toBe("/");
    expect(safeRedirectPath("https://kj.example:8443/u/x", origin)).toBe("/");
    expect(safeRedirectPath("http://kj.example/u/x", origin)).toBe("/");
    expect(safeRedirectPath("https://kj.example.evil.example/u/x", origin)).toBe("/");
    expect(safeRedirectPath("https://kj.example@evil.example/u/x", origin)).toBe("/");
    // Without an origin to compare with, absolute URLs are never trusted.
    expect(safeRedirectPath("https://kj.example/u/x")).toBe("/");
  });

  it("never yields a path a browser would resolve to another host (checked ones)", () => {
    for (const target of ["/u/x", "//evil.example", "/\\evil.example", "https://evil.example/"]) {
      expect(new URL(safeRedirectPath(target, origin), origin).origin).toBe(origin);
    }
  });

  // Regressions: browsers drop tabs/newlines inside URLs and read "\" as "/";
  // a same-origin URL whose path starts with "//" must not become protocol-relative.
  it.each([
    ["/\t/evil.example", undefined],
    ["/\n/evil.example", undefined],
    ["https://kj.example//evil.example", origin],
    ["https://kj.example/\\evil.example", origin],
  ])("never yields a path a browser would resolve to another host: %j", (target, withOrigin) => {
    expect(new URL(safeRedirectPath(target, withOrigin), origin).origin).toBe(origin);
  });
});

describe("consumeAuthAttempt", () => {
  let consumeAuthAttempt: (ip: string, kind: "signin" | "signup", email: string) => Promise<void>;
  // The fresh module graph has its own AppError class.
  let FreshAppError: typeof AppError;

  beforeAll(async () => {
    // The limiters read their budget when first created: set it, then load a fresh module.
    vi.stubEnv("AUTH_RATE_LIMIT_POINTS", "3");
    vi.stubEnv("AUTH_RATE_LIMIT_IP_POINTS", "3");
    vi.stubEnv("AUTH_RATE_LIMIT_SECONDS", "300");
    vi.resetModules();
    ({ consumeAuthAttempt } = await import("./rate-limit"));
    ({ AppError: FreshAppError } = await import("@/server/errors"));
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  async function attempt(ip: string, account: string) {
    return consumeAuthAttempt(ip, "signin", account).then(
      () => "ok",
      (err: unknown) => {
        expect(err).toBeInstanceOf(FreshAppError);
        return (err as AppError).code;
      },
    );
  }

  it("refuses the 4th attempt on one account (from different IPs) with rate_limited; others are unaffected", async () => {
    const results = [];
    for (let i = 1; i <= 4; i++) results.push(await attempt(`10.0.0.${i}`, "victim@test.example"));
    expect(results).toEqual(["ok", "ok", "ok", "rate_limited"]);
    // The account key ignores case and surrounding space.
    expect(await attempt("10.0.0.9", "  VICTIM@test.example ")).toBe("rate_limited");
    // Another account from another IP is unaffected.
    expect(await attempt("10.0.1.1", "someone-else@test.example")).toBe("ok");
  });

  it("refuses the 4th attempt from one IP, whatever the account", async () => {
    const results = [];
    for (let i = 1; i <= 4; i++) results.push(await attempt("10.0.2.1", `user${i}@test.example`));
    expect(results).toEqual(["ok", "ok", "ok", "rate_limited"]);
    expect(await attempt("10.0.2.2", "user9@test.example")).toBe("ok");
  });
});
