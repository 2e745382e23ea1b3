/**
 * The sign-in callback URL only ever redirects within the site: a path
 * starting with a single "/" (not "//" or "/\", which browsers treat as
 * another host), or an absolute URL on our own origin reduced to its path.
 */
export function safeRedirectPath(target: string | null | undefined, origin?: string): string {
  if (!target) return "/";
  if (target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\")) return target;
  if (origin) {
    try {
      const url = new URL(target);
      if (url.origin === new URL(origin).origin) return `${url.pathname}${url.search}${url.hash}`;
    } catch {
      /* not a URL */
    }
  }
  return "/";
}
