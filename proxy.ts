import { NextResponse, type NextRequest } from "next/server";

// A fresh nonce per request lets Next's own inline scripts run while any
// injected script (no nonce) is refused: no 'unsafe-inline' for scripts.
// Next reads the nonce from the request's CSP header and stamps its scripts.
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const dev = process.env.NODE_ENV !== "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Styles: Tailwind is a stylesheet, but React and Next set a few style
    // attributes; style injection cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

// JSON API routes run no scripts: they get a static "default-src 'none'" CSP
// from next.config.js and skip this per-request work (the feed API is the
// hottest path).
export const config = {
  matcher: [{ source: "/((?!api/|media/|_next/static|_next/image|favicon.ico|icon.svg).*)" }],
};
