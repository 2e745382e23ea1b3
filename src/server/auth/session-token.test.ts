import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { readSessionToken } from "./session-token";

const secret = "session-token-test-secret";
beforeAll(() => vi.stubEnv("NEXTAUTH_SECRET", secret));

describe("readSessionToken", () => {
  it("reads uid and session version from a token next-auth issued", async () => {
    const token = await encode({ token: { uid: 42, sv: 3, sub: "42" }, secret });
    expect(await readSessionToken(token)).toMatchObject({ uid: 42, sv: 3 });
    // Cached the second time, same answer.
    expect(await readSessionToken(token)).toMatchObject({ uid: 42, sv: 3 });
  });

  it("refuses tampered, foreign-secret, expired and missing tokens", async () => {
    const token = await encode({ token: { uid: 7, sv: 0 }, secret });
    const tampered = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await readSessionToken(tampered)).toBeNull();
    expect(await readSessionToken(await encode({ token: { uid: 7, sv: 0 }, secret: "another-secret" }))).toBeNull();
    expect(await readSessionToken(await encode({ token: { uid: 7, sv: 0 }, secret, maxAge: -60 }))).toBeNull();
    expect(await readSessionToken(undefined)).toBeNull();
    expect(await readSessionToken("not-a-jwt")).toBeNull();
  });
});
