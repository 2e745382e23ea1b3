// The two calls the browser makes to next-auth, without next-auth/react
// (9 kB gzip of client code for two fetches). Same endpoints and protocol:
// a CSRF token from /api/auth/csrf, then a form POST.

async function csrfToken(): Promise<string> {
  const res = await fetch("/api/auth/csrf", { headers: { accept: "application/json" } });
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

async function post(path: string, fields: Record<string, string>) {
  return fetch(path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" },
    body: new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" }),
  });
}

/**
 * Signs in with email and password. Returns null on success, or the error
 * code: "CredentialsSignin" (wrong email or password), "RateLimited" (429).
 */
export async function signInWithPassword(email: string, password: string): Promise<string | null> {
  const res = await post("/api/auth/callback/credentials", { email, password, callbackUrl: window.location.href });
  if (res.status === 429) return "RateLimited";
  const data = (await res.json().catch(() => ({}))) as { url?: string };
  const error = data.url ? new URL(data.url, window.location.origin).searchParams.get("error") : "Unknown";
  return res.ok ? error : (error ?? "Unknown");
}

/** Signs this browser out, then goes to `to`. */
export async function signOutTo(to = "/") {
  await post("/api/auth/signout", { callbackUrl: to });
  window.location.assign(to);
}
