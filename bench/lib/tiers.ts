import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export type Tier = "tiny" | "S" | "L";

/** The datasets. Hot accounts (tier L) are followed by the first N users. */
export const TIERS: Record<Tier, { users: number; posts: number; hot: { userId: number; followers: number }[] }> = {
  tiny: { users: 300, posts: 20_000, hot: [] },
  S: { users: 10_000, posts: 1_000_000, hot: [] },
  L: {
    users: 100_000,
    posts: 3_000_000,
    hot: [
      { userId: 1, followers: 100_000 },
      { userId: 2, followers: 50_000 },
      { userId: 3, followers: 20_000 },
    ],
  },
};

export function parseTier(argv: string[]): Tier {
  const i = argv.indexOf("--tier");
  const t = (i >= 0 ? argv[i + 1] : undefined) ?? "S";
  if (t !== "tiny" && t !== "S" && t !== "L") throw new Error(`--tier must be tiny, S or L (got ${t})`);
  return t;
}

/** The benchmark database for a tier, on BENCH_DATABASE_URL's server (default: local PostgreSQL). */
export function benchDatabaseUrl(tier: Tier): string {
  const u = new URL(process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  u.pathname = `/kongjian_bench_${tier.toLowerCase()}`;
  return u.toString();
}

const resultsDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../results");

/** Writes bench/results/<name>.json (git-ignored) and returns its path. */
export function writeResult(name: string, data: unknown): string {
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), ...((data as object) ?? {}) }, null, 2));
  return file;
}
