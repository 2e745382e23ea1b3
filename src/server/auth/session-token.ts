import "server-only";
import { decode } from "next-auth/jwt";

// Reads next-auth's session cookie directly: decrypting the JWT is all a
// request needs, and next-auth's getServerSession runs its whole handler
// (CSRF, callbacks, re-encryption) on every call. Decrypted tokens are kept
// in a small bounded cache keyed by the token itself, so a busy user's
// requests skip the key derivation and decryption; expiry is still checked.

type Claims = { uid: number; sv: number; exp: number };
const CACHE_MAX = 10_000;
const cache = new Map<string, Claims>();

export function sessionCookieNames(): string[] {
  const secure = process.env.NEXTAUTH_URL?.startsWith("https://");
  return secure ? ["__Secure-next-auth.session-token"] : ["next-auth.session-token", "__Secure-next-auth.session-token"];
}

/** The user id and session version in a session token, or null if it is missing, forged or expired. */
export async function readSessionToken(token: string | undefined): Promise<{ uid: number; sv: number } | null> {
  if (!token) return null;
  const now = Date.now() / 1000;
  const hit = cache.get(token);
  if (hit) return hit.exp > now ? hit : null;
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return null;
  try {
    const payload = await decode({ token, secret });
    if (!payload || typeof payload.uid !== "number" || typeof payload.exp !== "number") return null;
    const claims = { uid: payload.uid, sv: typeof payload.sv === "number" ? payload.sv : 0, exp: payload.exp };
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(token, claims);
    return claims.exp > now ? claims : null;
  } catch {
    return null; // tampered, wrong secret, or malformed
  }
}
