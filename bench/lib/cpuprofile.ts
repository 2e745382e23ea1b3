// Reads V8 .cpuprofile files (node --cpu-prof) and says where the time went:
// self time grouped by package / area, and the heaviest functions.
import { readFileSync } from "node:fs";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

/** Which area a function belongs to, from its script URL. */
export function areaOf(url: string, fn: string): string {
  if (!url) return fn.startsWith("(") ? fn : "(native / builtins)";
  if (url.startsWith("node:internal/")) {
    const parts = url.slice("node:internal/".length).split("/");
    return `node:internal/${parts.length > 1 ? parts[0] : parts[0]!.replace(/\.js$/, "")}`;
  }
  if (url.startsWith("node:")) return `node:${url.slice(5).split("/")[0]}`;
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    const pkg = rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
    if (pkg === "next" && rest[1] === "dist" && rest[2] === "compiled") return `next/compiled/${rest[3]}`;
    if (pkg === "next" && rest[1] === "dist") return `next/dist/${rest[2]}`;
    return pkg;
  }
  if (url.includes("/.next/server/chunks/ssr/")) return ".next/server/chunks/ssr (app + bundled deps)";
  if (url.includes("/.next/server/chunks/")) return ".next/server/chunks (app + bundled deps)";
  if (url.includes("/.next/server/")) return ".next/server (other)";
  return url.replace(/^file:\/\//, "").split("/").slice(-2).join("/");
}

export type ProfileSummary = {
  totalMs: number;
  byArea: { area: string; ms: number; pct: number }[];
  topFunctions: { fn: string; where: string; ms: number; pct: number }[];
};

/**
 * Self time per area and per function, over one or more profiles (e.g. every
 * process of a server). `window`: only the samples taken between `fromMs` and
 * `toMs` milliseconds after the profile started, i.e. after the process
 * started (one measured run, not start-up, warm-up or other runs; the
 * shutdown, whose length varies, is not a usable anchor).
 */
export function summarizeProfiles(files: string[], top = 25, window?: { fromMs: number; toMs: number }): ProfileSummary {
  const area = new Map<string, number>();
  const fns = new Map<string, { where: string; ms: number }>();
  let total = 0;
  for (const f of files) {
    const p = JSON.parse(readFileSync(f, "utf8")) as Profile;
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const self = new Map<number, number>();
    const from = window ? p.startTime + window.fromMs * 1000 : -Infinity;
    const to = window ? p.startTime + window.toMs * 1000 : Infinity;
    let t = p.startTime;
    for (let i = 0; i < p.samples.length; i++) {
      t += p.timeDeltas[i] ?? 0;
      if (t < from || t > to) continue;
      const dt = (p.timeDeltas[i] ?? 0) / 1000;
      self.set(p.samples[i]!, (self.get(p.samples[i]!) ?? 0) + dt);
    }
    for (const [id, ms] of self) {
      const n = byId.get(id);
      if (!n) continue;
      const { functionName, url, lineNumber } = n.callFrame;
      if (functionName === "(idle)") continue; // waiting, not working
      total += ms;
      const a = areaOf(url, functionName);
      area.set(a, (area.get(a) ?? 0) + ms);
      const short = url ? `${url.split("/").slice(-2).join("/")}:${lineNumber + 1}` : "";
      const key = `${functionName || "(anonymous)"} ${short}`;
      const cur = fns.get(key) ?? { where: a, ms: 0 };
      cur.ms += ms;
      fns.set(key, cur);
    }
  }
  const pct = (ms: number) => Math.round((1000 * ms) / Math.max(total, 1)) / 10;
  return {
    totalMs: Math.round(total),
    byArea: [...area.entries()].sort((a, b) => b[1] - a[1]).map(([a, ms]) => ({ area: a, ms: Math.round(ms), pct: pct(ms) })),
    topFunctions: [...fns.entries()]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, top)
      .map(([fn, v]) => ({ fn, where: v.where, ms: Math.round(v.ms), pct: pct(v.ms) })),
  };
}
