// Accounts: sign-up (hashing, case-insensitive unique emails and handles, also
// under concurrent sign-ups), the sign-up schema's messages, authenticate()
// and "sign out everywhere".
import { describe, expect, it } from "vitest";
import { signUpSchema } from "@/lib/validation/user";
import { verifyPassword } from "@/server/auth/password";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { fromError } from "@/server/http/to-result";
import { isUniqueViolation } from "@/server/prisma-errors";
import { uniqueTag } from "@/test/factories";
import { authenticate } from "./authenticate";
import { signOutEverywhere } from "./sign-out-everywhere";
import { signUp } from "./sign-up";

const PASSWORD = "correct horse battery";

function form(overrides: Partial<Record<"email" | "handle" | "displayName" | "password", string>> = {}) {
  const tag = uniqueTag(10);
  return { email: `s${tag}@test.example`, handle: `s_${tag}`, displayName: `Signer ${tag}`, password: PASSWORD, ...overrides };
}

const signUpWith = (raw: unknown, locale: string | null = null) => signUp(signUpSchema.parse(raw), locale);

async function storedUser(id: number) {
  return db.user.findUniqueOrThrow({
    where: { id },
    select: { email: true, handle: true, displayName: true, passwordHash: true, locale: true, sessionVersion: true },
  });
}

async function appErrorOf(work: Promise<unknown>) {
  const err = await work.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  const e = err as AppError;
  return { code: e.code, key: e.messageKey, field: e.field };
}

function schemaErrors(raw: unknown): Record<string, string> {
  const result = signUpSchema.safeParse(raw);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe("signUp", () => {
  it("creates the user with a salted scrypt hash, never the password", async () => {
    const raw = form({ email: `  Mixed${uniqueTag(8)}@Test.Example `, displayName: "小明" });
    const user = await signUpWith(raw, "en");
    const row = await storedUser(user.id);
    expect(row).toMatchObject({ email: raw.email.trim().toLowerCase(), handle: raw.handle, displayName: "小明", locale: "en", sessionVersion: 0 });
    expect(row.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(row.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(PASSWORD, row.passwordHash)).toBe(true);
    expect(await verifyPassword("wrong password", row.passwordHash)).toBe(false);
    // The default client never hands the hash out.
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).not.toHaveProperty("passwordHash");
  });

  it("treats handles case-insensitively: Foo_x then foo_x is handleTaken on the handle field", async () => {
    const tag = uniqueTag(8);
    const first = await signUpWith(form({ handle: `Foo_${tag}` }));
    expect(first.handle).toBe(`foo_${tag}`);
    const err = await appErrorOf(signUpWith(form({ handle: `foo_${tag}` })));
    expect(err).toEqual({ code: "conflict", key: "handleTaken", field: "handle" });
    const again = await appErrorOf(signUpWith(form({ handle: `FOO_${tag.toUpperCase()}` })));
    expect(again).toEqual(err);
    expect(await db.user.count({ where: { handle: `foo_${tag}` } })).toBe(1);
  });

  it("treats emails case-insensitively: emailTaken on the email field", async () => {
    const tag = uniqueTag(10);
    await signUpWith(form({ email: `Case${tag}@Test.Example` }));
    const err = await appErrorOf(signUpWith(form({ email: `case${tag}@test.example` })));
    expect(err).toEqual({ code: "conflict", key: "emailTaken", field: "email" });
    expect(fromError(new AppError("conflict", "emailTaken", "email"))).toEqual({
      ok: false,
      code: "conflict",
      error: "emailTaken",
      fieldErrors: { email: "emailTaken" },
    });
    expect(await db.user.count({ where: { email: `case${tag}@test.example` } })).toBe(1);
  });

  it("concurrent sign-ups with one handle make one user; the others get handleTaken", async () => {
    const handle = `c_${uniqueTag(10)}`;
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => signUpWith(form({ handle }))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const errors = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(errors).toHaveLength(3);
    for (const e of errors) {
      expect(e).toBeInstanceOf(AppError);
      expect({ code: e.code, key: e.messageKey, field: e.field }).toEqual({ code: "conflict", key: "handleTaken", field: "handle" });
    }
    expect(await db.user.count({ where: { handle } })).toBe(1);
  });

  it("concurrent sign-ups with one email make one user; the others get emailTaken", async () => {
    const email = `c${uniqueTag(10)}@test.example`;
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => signUpWith(form({ email }))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected") expect({ key: r.reason.messageKey, field: r.reason.field }).toEqual({ key: "emailTaken", field: "email" });
    }
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});

describe("isUniqueViolation (what signUp uses to tell email from handle clashes)", () => {
  it("names the violated handle constraint", async () => {
    const taken = await signUpWith(form());
    const err = await db.user
      .create({ data: { email: `x${uniqueTag()}@test.example`, handle: taken.handle, displayName: "x", passwordHash: "x" } })
      .then(() => null, (e: unknown) => e);
    expect(isUniqueViolation(err)).toContain("handle");
    expect(isUniqueViolation(new Error("email handle"))).toBeNull();
  });

  // Regression: Prisma's message quotes the calling source code; reading it
  // would turn a handle clash into "emailTaken" whenever that code says "email".
  it("does not read the word email out of the caller's source code on a handle clash", async () => {
    const taken = await signUpWith(form());
    const emailOfTheNewUser = `x${uniqueTag()}@test.example`;
    const err = await db.user
      .create({ data: { email: emailOfTheNewUser, handle: taken.handle, displayName: "x", passwordHash: "x" } })
      .then(() => null, (e: unknown) => e);
    expect(isUniqueViolation(err)).toContain("handle");
    expect(isUniqueViolation(err)).not.toContain("email");
  });
});

describe("signUpSchema", () => {
  it("accepts a well-formed form and lower-cases handle and email", () => {
    const parsed = signUpSchema.parse(form({ handle: "Abc_123", email: "Someone@Example.COM", displayName: "  王小明 " }));
    expect(parsed).toMatchObject({ handle: "abc_123", email: "someone@example.com", displayName: "王小明" });
  });

  it.each([
    ["too short", "ab"],
    ["too long", "a".repeat(21)],
    ["a hyphen", "a-b"],
    ["a dot", "a.bc"],
    ["Chinese", "中文"],
    ["Chinese, long enough", "中文名字"],
    ["a space", "ab cd"],
    ["empty", ""],
  ])("refuses a handle with %s: handleInvalid", (_label, handle) => {
    expect(schemaErrors(form({ handle }))).toEqual({ handle: "handleInvalid" });
  });

  it("accepts handles of 3 and 20 characters", () => {
    expect(schemaErrors(form({ handle: "abc" }))).toEqual({});
    expect(schemaErrors(form({ handle: "a".repeat(20) }))).toEqual({});
  });

  it("refuses a password under 8 characters and over 200", () => {
    expect(schemaErrors(form({ password: "1234567" }))).toEqual({ password: "passwordTooShort" });
    expect(schemaErrors(form({ password: "12345678" }))).toEqual({});
    expect(schemaErrors(form({ password: "x".repeat(201) }))).toEqual({ password: "passwordTooLong" });
  });

  it.each(["not-an-email", "a@b", "@example.com", "a b@example.com", ""])("refuses the email %j: emailInvalid", (email) => {
    expect(schemaErrors(form({ email }))).toEqual({ email: "emailInvalid" });
  });

  it("accepts Chinese display names and strips control and bidi-override characters", () => {
    expect(signUpSchema.parse(form({ displayName: "空间的主人" })).displayName).toBe("空间的主人");
    expect(signUpSchema.parse(form({ displayName: "ad\u202Emin\u202C" })).displayName).toBe("admin");
    expect(signUpSchema.parse(form({ displayName: "\u2066Bob\u2069\u0000\u0007\u007F" })).displayName).toBe("Bob");
    expect(schemaErrors(form({ displayName: "\u202E\u0000 " }))).toEqual({ displayName: "displayNameRequired" });
    expect(schemaErrors(form({ displayName: "名".repeat(41) }))).toEqual({ displayName: "displayNameTooLong" });
    expect(schemaErrors(form({ displayName: "名".repeat(40) }))).toEqual({});
  });
});

describe("authenticate and sign out everywhere", () => {
  it("returns the user for the right password (email in any case), null otherwise", async () => {
    const raw = form();
    const user = await signUpWith(raw);
    await expect(authenticate(raw.email, PASSWORD)).resolves.toEqual({ id: user.id, sessionVersion: 0 });
    await expect(authenticate(` ${raw.email.toUpperCase()} `, PASSWORD)).resolves.toEqual({ id: user.id, sessionVersion: 0 });
    await expect(authenticate(raw.email, "wrong password")).resolves.toBeNull();
    await expect(authenticate(raw.email, "")).resolves.toBeNull();
    await expect(authenticate(`nobody${uniqueTag()}@test.example`, PASSWORD)).resolves.toBeNull();
  });

  it("signOutEverywhere bumps the session version that authenticate returns", async () => {
    const raw = form();
    const user = await signUpWith(raw);
    const viewer = await db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { id: true, handle: true, displayName: true, sessionVersion: true, locale: true, timeZone: true },
    });
    expect((await authenticate(raw.email, PASSWORD))?.sessionVersion).toBe(0);
    await signOutEverywhere(viewer);
    expect((await authenticate(raw.email, PASSWORD))?.sessionVersion).toBe(1);
    await signOutEverywhere(viewer);
    expect((await storedUser(user.id)).sessionVersion).toBe(2);
  });
});
