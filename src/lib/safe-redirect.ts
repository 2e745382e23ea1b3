/**
 * The sign-in callback URL only ever redirects within the site. The target is
 * resolved the way a browser would (which drops tabs and newlines and reads
 * "\" as "/") against our origin; anything that lands on another origin, or
 * whose path would itself read as protocol-relative ("//host"), becomes "/".
 */
export function safeRedirectPath(target: string | null | undefined, origin?: string): string {
  if (!target) return "/";
  // Only site paths and absolute http(s) URLs are candidates; "evil.example",
  // "javascript:…" and the like go home.
  if (!target.startsWith("/") && !/^https?:\/\//i.test(target)) return "/";
  const base = origin ?? "http://self.invalid";
  let url: URL;
  try {
    url = new URL(target, base);
  } catch {
    return "/";
  }
  if (url.origin !== new URL(base).origin) return "/";
  // Without an origin to compare with, only relative targets are trusted.
  if (!origin && !target.startsWith("/")) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return "/";
  return path;
}
