// Part (a) of the browser lab: the JS a route's first load fetches, gzipped
// here, each chunk labelled.
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "@playwright/test";
import type { App } from "../lib/posting-app";
import { clientModuleIds, clientModulesIn, frameworkChunks, MARKERS } from "./chunk-labels";
import { newContext, type Scenario } from "./context";

export type JsChunk = { url: string; raw: number; gzip: number; inHtml: boolean; labels: string[]; clientModules: string[] };

export async function firstLoadJs(browser: Browser, app: App, s: Scenario, cookie: string | null) {
  const context = await newContext(browser, app, cookie);
  const page = await context.newPage();
  const bodies: Promise<JsChunk | null>[] = [];
  const framework = frameworkChunks();
  const ids = clientModuleIds();
  let html = "";
  page.on("response", (r) => {
    const type = r.request().resourceType();
    const ct = r.headers()["content-type"] ?? "";
    if (type !== "script" && !/javascript/.test(ct)) return;
    bodies.push(
      r.body().then(
        (b) => {
          const u = new URL(r.url());
          const text = b.toString("utf8");
          const labels = MARKERS.filter((m) => m.re.test(text)).map((m) => m.label);
          if (framework.has(u.pathname)) labels.unshift("framework (next runtime / react)");
          return { url: u.pathname, raw: b.length, gzip: gzipSync(b).length, inHtml: false, labels, clientModules: clientModulesIn(text, ids) };
        },
        () => null,
      ),
    );
  });
  const resp = await page.goto(`${app.baseUrl}${s.path}`, { waitUntil: "networkidle", timeout: 60_000 });
  html = (await resp?.text()) ?? "";
  await page.waitForTimeout(1000);
  await page.waitForLoadState("networkidle");
  const chunks = (await Promise.all(bodies)).filter((c): c is JsChunk => c !== null);
  await context.close();
  const seen = new Set<string>();
  const unique = chunks.filter((c) => !seen.has(c.url) && seen.add(c.url));
  for (const c of unique) c.inHtml = html.includes(c.url);
  unique.sort((a, b) => b.gzip - a.gzip);
  const sum = (cs: JsChunk[], k: "raw" | "gzip") => cs.reduce((a, c) => a + c[k], 0);
  // The RSC payload inlined in the HTML (self.__next_f.push): not JS files, but bytes every first load pays.
  const inline = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "").filter((t) => t.includes("__next_f"));
  const inlineText = inline.join("");
  const byLabel: Record<string, number> = {};
  for (const c of unique) {
    const app = c.clientModules.filter((m) => m.startsWith("src/")).map((m) => path.basename(m));
    const label = c.labels.length
      ? c.labels.join(" + ") + (app.length ? ` [in the chunk of ${app.join(", ")}]` : "")
      : app.length
        ? `app components: ${app.join(", ")}`
        : c.clientModules.length
          ? "next runtime"
          : "other";
    byLabel[label] = (byLabel[label] ?? 0) + c.gzip;
  }
  return {
    scenario: s.name,
    path: s.path,
    jsFiles: unique.length,
    jsRawBytes: sum(unique, "raw"),
    jsGzipBytes: sum(unique, "gzip"),
    jsGzipBytesInHtml: sum(unique.filter((c) => c.inHtml), "gzip"),
    jsGzipBytesLoadedLater: sum(unique.filter((c) => !c.inHtml), "gzip"),
    gzipByLabel: byLabel,
    html: { rawBytes: Buffer.byteLength(html), gzipBytes: gzipSync(html).length, inlineRscPayloadBytes: Buffer.byteLength(inlineText), inlineRscPayloadGzipBytes: gzipSync(inlineText).length },
    chunks: unique,
  };
}
