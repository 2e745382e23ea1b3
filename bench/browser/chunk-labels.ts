// Labels for the JS chunks a page loads: which libraries a chunk holds (from
// content markers and the build's manifests), and optionally a per-package
// breakdown from `next analyze`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { distDir, root } from "../lib/posting-app";

/** Content markers for the libraries that matter for the budget. */
export const MARKERS: { label: string; re: RegExp }[] = [
  { label: "react-dom", re: /__reactContainer\$/ },
  { label: "zod", re: /ZodError|invalid_type/ },
  { label: "next-auth/react", re: /next-auth|\/api\/auth\/session/ },
  { label: "next-intl ICU runtime (intl-messageformat, @formatjs parser)", re: /IntlMessageFormat|INVALID_ARGUMENT_TYPE|MISSING_MESSAGE/ },
  { label: "linkify-it", re: /fuzzyLink/ },
];

/** Client component module ids -> source paths, from the build's client reference manifests. */
export function clientModuleIds(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith("_client-reference-manifest.js")) {
        const text = readFileSync(p, "utf8");
        try {
          const m = JSON.parse(text.slice(text.indexOf("] = ") + 4).replace(/;\s*$/, "")) as { clientModules: Record<string, { id: number | string }> };
          for (const [mod, v] of Object.entries(m.clientModules)) out.set(String(v.id), mod.replace("[project]/", "").replace(/^node_modules\//, ""));
        } catch {
          /* manifest format changed: labels from markers only */
        }
      }
    }
  };
  const dir = path.join(distDir(), "server/app");
  if (existsSync(dir)) walk(dir);
  return out;
}

/**
 * The client components a Turbopack chunk defines: its module definitions
 * are `<id>,[<id>,...]<factory>` in the TURBOPACK.push array.
 */
export function clientModulesIn(chunk: string, ids: Map<string, string>): string[] {
  const found = new Set<string>();
  for (const m of chunk.matchAll(/[[,](\d+),(?=(?:\d+,)*(?:\([\w$,]*\)|[\w$]+)=>)/g)) {
    const src = ids.get(m[1]!);
    if (src) found.add(src);
  }
  return [...found];
}

export function frameworkChunks(): Set<string> {
  try {
    const m = JSON.parse(readFileSync(path.join(distDir(), "build-manifest.json"), "utf8")) as { rootMainFiles?: string[] };
    return new Set((m.rootMainFiles ?? []).map((f) => `/_next/${f}`));
  } catch {
    return new Set();
  }
}

/** Per-package gzip estimate of a route's client JS from `next analyze` (parts' compressed sizes; polyfills excluded). */
export function analyzeBreakdown(route: string): Record<string, number> | null {
  const dir = path.join(distDir(), "diagnostics/analyze/history");
  const id = path.join(distDir(), "BUILD_ID");
  if (!existsSync(dir) || !existsSync(id) || statSync(dir).mtimeMs < statSync(id).mtimeMs) return null;
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "analyze", "export", "--route", route, "--dist-dir", path.relative(root, distDir())], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
  });
  if (r.status !== 0) return null;
  const out: Record<string, number> = {};
  for (const line of r.stdout.split("\n")) {
    if (!line.includes('"type":"part"')) continue;
    const p = JSON.parse(line) as { filename: string; source_path: string; compressed_size: number };
    if (!/\/_next\/static\/chunks\/.*\.js$/.test(p.filename) || p.source_path.includes("next/dist/build/polyfills")) continue;
    const src = p.source_path.replace("[project]/", "");
    const m = src.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)(?:\/dist\/compiled\/([^/]+))?/);
    const key = m ? (m[2] ? `${m[1]} (${m[2]})` : m[1]!) : src.split("/").slice(0, 2).join("/");
    out[key] = (out[key] ?? 0) + p.compressed_size;
  }
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]));
}
