// How the browser lab's pages are opened: the phone it emulates, the network
// and CPU throttling of the vitals runs, Chromium's flags, and a fresh context
// per page load, signed in with a session cookie or not.
import type { Browser, BrowserContext } from "@playwright/test";
import type { App } from "../lib/posting-app";
import { SESSION_COOKIE } from "../lib/session";

/**
 * Lighthouse's mobile "Slow 4G" profile (core/config/constants.js,
 * throttling.mobileSlow4G) as DevTools ("applied") throttling: RTT 150 ms x
 * 3.75 = 562.5 ms request latency, 1.6 Mbps x 0.9 = 1474.56 kbps down,
 * 750 kbps x 0.9 = 675 kbps up (kbps = 1024 bit/s, as Lighthouse converts),
 * CPU 4x. The same numbers Chrome DevTools' "Slow 4G" preset uses.
 */
export const NETWORK = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1474.56 * 1024) / 8, // bytes/s = 188,743.68
  uploadThroughput: (675 * 1024) / 8, // bytes/s = 86,400
};
export const CPU_SLOWDOWN = 4;

/** Lighthouse's mobile device (Moto G Power): 412x823 CSS px at DPR 1.75. */
export const PHONE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
  userAgent: "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36",
  locale: "en-US",
  timezoneId: "Asia/Shanghai",
};

export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export type Scenario = { name: string; path: string; signedIn: boolean };

export async function newContext(browser: Browser, app: App, cookie: string | null): Promise<BrowserContext> {
  const context = await browser.newContext({ ...PHONE });
  if (cookie) {
    const { hostname } = new URL(app.baseUrl);
    await context.addCookies([{ name: SESSION_COOKIE, value: cookie, domain: hostname, path: "/", httpOnly: true, sameSite: "Lax" }]);
  }
  return context;
}
