// Part (b) of the browser lab: LCP, CLS and the navigation timings of one
// cold, throttled page load on the emulated phone.
import type { Browser, Page } from "@playwright/test";
import type { App } from "../lib/posting-app";
import { CPU_SLOWDOWN, NETWORK, newContext, type Scenario } from "./context";

const VITALS_INIT = `(() => {
  const v = { lcp: null, lcpSize: 0, lcpElement: null, shifts: [], fcp: null };
  Object.defineProperty(window, "__benchVitals", { value: v });
  const describe = (el) => {
    if (!el) return null;
    const id = el.id ? "#" + el.id : "";
    const cls = typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\\s+/).slice(0, 3).join(".") : "";
    const t = (el.textContent || "").trim().slice(0, 60);
    return el.tagName.toLowerCase() + id + cls + (t ? ' "' + t + '"' : "");
  };
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) { v.lcp = e.startTime; v.lcpSize = e.size; v.lcpElement = describe(e.element); } })
      .observe({ type: "largest-contentful-paint", buffered: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) v.shifts.push({ t: e.startTime, v: e.value }); })
      .observe({ type: "layout-shift", buffered: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === "first-contentful-paint") v.fcp = e.startTime; })
      .observe({ type: "paint", buffered: true });
  } catch (e) { v.error = String(e); }
})();`;

/** CLS: the largest session window (shifts < 1 s apart, window <= 5 s). */
function cls(shifts: { t: number; v: number }[]): number {
  let best = 0;
  let cur = 0;
  let start = -Infinity;
  let prev = -Infinity;
  for (const s of shifts) {
    if (s.t - prev > 1000 || s.t - start > 5000) {
      cur = 0;
      start = s.t;
    }
    cur += s.v;
    prev = s.t;
    best = Math.max(best, cur);
  }
  return Math.round(best * 10000) / 10000;
}

export type VitalsRun = {
  lcpMs: number | null;
  lcpElement: string | null;
  cls: number;
  fcpMs: number | null;
  /** responseStart: Chromium's emulated latency lands after the headers, so this is ~the server's time; htmlResponseEndMs includes the emulated latency. */
  ttfbMs: number;
  htmlResponseEndMs: number;
  domContentLoadedMs: number;
  loadMs: number;
  transferBytes: number;
  requests: number;
};

export async function vitalsRun(browser: Browser, app: App, s: Scenario, cookie: string | null): Promise<VitalsRun> {
  const context = await newContext(browser, app, cookie);
  await context.addInitScript(VITALS_INIT);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.clearBrowserCache");
  await cdp.send("Network.emulateNetworkConditions", NETWORK);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  let transferBytes = 0;
  let requests = 0;
  cdp.on("Network.loadingFinished", (e: { encodedDataLength: number }) => {
    transferBytes += e.encodedDataLength;
    requests++;
  });
  await page.goto(`${app.baseUrl}${s.path}`, { waitUntil: "load", timeout: 120_000 });
  await page.waitForLoadState("networkidle", { timeout: 60_000 }).catch(() => undefined);
  await page.waitForTimeout(1500);
  const v = await readVitals(page);
  await context.close();
  return { ...v, transferBytes, requests };
}

async function readVitals(page: Page): Promise<Omit<VitalsRun, "transferBytes" | "requests">> {
  const raw = await page.evaluate(() => {
    const w = window as unknown as { __benchVitals: { lcp: number | null; lcpElement: string | null; shifts: { t: number; v: number }[]; fcp: number | null } };
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    return { ...w.__benchVitals, ttfb: nav?.responseStart ?? NaN, htmlEnd: nav?.responseEnd ?? NaN, dcl: nav?.domContentLoadedEventEnd ?? NaN, load: nav?.loadEventEnd ?? NaN };
  });
  const r = (x: number | null) => (x === null ? null : Math.round(x));
  return {
    lcpMs: r(raw.lcp),
    lcpElement: raw.lcpElement,
    cls: cls(raw.shifts),
    fcpMs: r(raw.fcp),
    ttfbMs: Math.round(raw.ttfb),
    htmlResponseEndMs: Math.round(raw.htmlEnd),
    domContentLoadedMs: Math.round(raw.dcl),
    loadMs: Math.round(raw.load),
  };
}
