// Signed-in sessions for many bench users without the (rate-limited) sign-in
// route: the session cookie is minted here exactly as next-auth v4 would
// mint it after a Credentials sign-in, with the server's NEXTAUTH_SECRET.
//
// What next-auth puts in the token (node_modules/next-auth/core/routes/callback.js,
// credentials branch): defaultToken = { name: user.name, email: user.email,
// picture: user.image, sub: user.id.toString() }; our authorize() returns
// { id, sv } only, so name/email/picture are undefined (dropped by JSON).
// Then the jwt callback of src/server/auth/auth-options.ts adds
// uid = Number(user.id) and sv = the user's session_version. encode() adds
// iat, exp and jti and encrypts (JWE dir/A256GCM, key derived by HKDF from the secret).
import { encode } from "next-auth/jwt";
import pg from "pg";

/** next-auth's cookie name over http (https would use the __Secure- prefix). */
export const SESSION_COOKIE = "next-auth.session-token";

export type BenchUser = { id: number; handle: string; sessionVersion: number };

/** The session token next-auth would issue to this user (same fields, same encryption). */
export async function mintSessionToken(user: BenchUser, secret: string, maxAgeSec = 30 * 24 * 60 * 60): Promise<string> {
  const token = { sub: String(user.id), uid: user.id, sv: user.sessionVersion };
  return encode({ token, secret, maxAge: maxAgeSec });
}

/** `Cookie` header value carrying the user's session. */
export async function mintSessionCookie(user: BenchUser, secret: string): Promise<string> {
  return `${SESSION_COOKIE}=${await mintSessionToken(user, secret)}`;
}

/** Reads the users (with their current session_version) and mints one cookie each, keyed by user id. */
export async function mintSessionCookies(databaseUrl: string, userIds: number[], secret: string): Promise<Map<number, { user: BenchUser; cookie: string }>> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ id: number; handle: string; session_version: number }>(
      "SELECT id, handle, session_version FROM users WHERE id = ANY($1::int[])",
      [userIds],
    );
    const out = new Map<number, { user: BenchUser; cookie: string }>();
    for (const r of rows) {
      const user = { id: r.id, handle: r.handle, sessionVersion: r.session_version };
      out.set(r.id, { user, cookie: await mintSessionCookie(user, secret) });
    }
    const missing = userIds.filter((id) => !out.has(id));
    if (missing.length) throw new Error(`bench users not found: ${missing.slice(0, 10).join(", ")}`);
    return out;
  } finally {
    await c.end();
  }
}

/**
 * Checks a minted cookie against the running app: GET /api/feed must answer
 * 200 with a feed page, and the same request without the cookie 401.
 * Throws with the status and body otherwise.
 */
export async function verifySessionCookie(baseUrl: string, cookie: string): Promise<{ items: number }> {
  const signedIn = await fetch(new URL("/api/feed", baseUrl), { headers: { cookie } });
  const body = await signedIn.text();
  if (signedIn.status !== 200) throw new Error(`minted session rejected: GET /api/feed -> ${signedIn.status} ${body.slice(0, 200)}`);
  const page = JSON.parse(body) as { items?: unknown[]; nextCursor?: unknown };
  if (!Array.isArray(page.items) || !("nextCursor" in page)) throw new Error(`unexpected /api/feed body: ${body.slice(0, 200)}`);
  const anonymous = await fetch(new URL("/api/feed", baseUrl));
  await anonymous.text();
  if (anonymous.status !== 401) throw new Error(`GET /api/feed without a session -> ${anonymous.status}, expected 401`);
  return { items: page.items.length };
}
