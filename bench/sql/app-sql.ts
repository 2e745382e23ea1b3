// The app's feed SQL for the benchmarks, runnable on a plain `pg` client.
//
// The feed's main statements come from the app's pure builders
// (src/server/feed/feed-sql.ts: pullFeedSql, inboxPageSql, fanOutSql), so the
// benchmark runs exactly the app's SQL. The few statements still written
// inline in modules that import "server-only" / "@/server/db" (ensureInbox,
// trimInbox, fanOutPost's lookups) are copied verbatim into bench/sql/*.sql,
// and `loadAppSql()` fails loudly when a copy no longer appears in its source
// file (whitespace-normalised), or when one of the lines of app logic the
// benchmark mirrors in TypeScript (page size, inbox cap, getFeed's branches...)
// changed.
//
// Rendering follows Prisma's rules for $queryRaw/$executeRaw: every value
// interpolation becomes the next positional parameter ($1, $2, ... no
// de-duplication); Prisma.sql / Prisma.raw fragments are inlined as text.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import type { Prisma } from "../../src/generated/prisma/client";
import { fanOutSql, inboxPageSql, pullFeedSql, type Sources } from "../../src/server/feed/feed-sql";

const here = path.dirname(new URL(import.meta.url).pathname);
export const appRoot = path.resolve(here, "../..");

const SQL_FILES = ["inbox.sql", "fan-out.sql"] as const;

/**
 * Lines of app code whose behaviour the benchmark reproduces in TypeScript
 * (bench/feed-sql.ts). If one changes, the benchmark must be updated too.
 */
const LOGIC_FRAGMENTS: Array<[file: string, fragment: string]> = [
  // getFeed: inbox page and hot pull together, then the regular pull below the horizon if the inbox runs short.
  // The benchmark reads the unfiltered home feed (filter undefined: the builders add no SQL).
  ["src/server/feed/get-feed.ts", "const filter = await resolveFeedFilter(viewer, input);"],
  ["src/server/feed/feed-filter.ts", "if (!input.kind && input.group == null) return undefined;"],
  ["src/server/feed/get-feed.ts", "const before = input.before ?? MAX_POST_ID;"],
  ["src/server/feed/get-feed.ts", "const limit = PAGE_SIZE + 1;"],
  ["src/server/feed/get-feed.ts", "const hotIds = await hotAccountIds();"],
  ["src/server/feed/get-feed.ts", "const [{ horizon, rows: inbox }, hot] = await Promise.all(["],
  ["src/server/feed/get-feed.ts", "readInbox(viewer.id, { before, limit, filter }),"],
  ["src/server/feed/get-feed.ts", 'hotIds.length ? pullFeed(viewer.id, { before, limit, sources: "hot", hotIds, filter }) : [],'],
  // hotAccountIds(): the hot accounts, cached in memory for a few seconds (so not a per-request query).
  ["src/server/feed/hot-accounts.ts", "const rows = await db.user.findMany({ where: { hot: true }, select: { id: true } });"],
  ["src/server/feed/hot-accounts.ts", "if (cached && Date.now() - cached.at < REFRESH_MS) return cached.ids;"],
  ["src/server/feed/get-feed.ts", "let rows = mergeRows(inbox, hot);"],
  ["src/server/feed/get-feed.ts", "if (inbox.length < limit && horizon > 0) {"],
  ["src/server/feed/get-feed.ts", 'const deeper = await pullFeed(viewer.id, { before: Math.min(before, horizon), limit, sources: "regular", filter });'],
  ["src/server/posts/list-space-posts.ts", "export const PAGE_SIZE = 20;"],
  ["src/server/feed/pull-feed.ts", "return db.$queryRaw<FeedRow[]>(pullFeedSql(viewerId, opts));"],
  // readInbox: one round trip (state + page); trim or build only when due.
  ["src/server/feed/inbox.ts", "(inboxPageSql(viewerId, before, limit, filter));"],
  ["src/server/feed/inbox.ts", "rows: rows.filter((r) => r.id != null) as FeedRow[],"],
  ["src/server/feed/inbox.ts", "if (page && Date.now() - page.trimmedAt.getTime() <= TRIM_EVERY_MS) return page;"],
  ["src/server/feed/inbox.ts", "const TRIM_EVERY_MS = 60 * 60 * 1000;"],
  ["src/server/feed/inbox.ts", "return Number(process.env.FEED_INBOX_CAP ?? 400);"],
  // ensureInbox
  ["src/server/feed/inbox.ts", "if (inserted === 0) return;"],
  ["src/server/feed/inbox.ts", 'const rows = await pullFeed(userId, { before: MAX_POST_ID, limit: cap, sources: "regular" });'],
  ["src/server/feed/inbox.ts", "const horizon = rows.length < cap ? 0 : rows[rows.length - 1]!.id;"],
  // fanOutPost
  ["src/server/feed/fan-out.ts", "return Number(process.env.FEED_HOT_THRESHOLD ?? 10_000);"],
  ["src/server/feed/fan-out.ts", 'if (!post || post.audience === "ONLY_ME") return { delivered: 0, hot: false };'],
  ["src/server/feed/fan-out.ts", "if (n > limit) {"],
  ["src/server/feed/fan-out.ts", "const delivered = await db.$executeRaw(fanOutSql(postId, post.author_id));"],
];

/** Constants of the app the benchmark uses (values checked by the fragments above). */
export const PAGE_SIZE = 20;
export const PAGE_LIMIT = PAGE_SIZE + 1;
export const INBOX_CAP = Number(process.env.FEED_INBOX_CAP ?? 400);
export const HOT_THRESHOLD = Number(process.env.FEED_HOT_THRESHOLD ?? 10_000);
export const TRIM_EVERY_MS = 60 * 60 * 1000;

type Template = { key: string; source: string; body: string };

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

function parseSqlFile(file: string): Template[] {
  const text = readFileSync(path.join(here, file), "utf8");
  const base = file.replace(/\.sql$/, "");
  const parts = text.split(/^-- name: (\S+)\s*$/m);
  const out: Template[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const lines = parts[i + 1]!.split("\n");
    const src = lines.find((l) => l.startsWith("-- source: "));
    if (!src) throw new Error(`bench/sql/${file}: section ${name} has no "-- source:" line`);
    const body = lines.filter((l) => !l.startsWith("--")).join("\n").trim();
    out.push({ key: `${base}.${name}`, source: src.slice("-- source: ".length).trim(), body });
  }
  return out;
}

export type AppSql = ReadonlyMap<string, Template>;

/** Loads the copied templates and verifies them (and the mirrored logic) against the app's source; throws listing every drift. */
export function loadAppSql(): AppSql {
  const templates = SQL_FILES.flatMap(parseSqlFile);
  const sources = new Map<string, string>();
  const read = (f: string) => {
    if (!sources.has(f)) sources.set(f, squash(readFileSync(path.join(appRoot, f), "utf8")));
    return sources.get(f)!;
  };
  const drift: string[] = [];
  for (const t of templates) {
    if (!read(t.source).includes(squash(t.body))) drift.push(`  SQL ${t.key} no longer appears in ${t.source}`);
  }
  for (const [file, fragment] of LOGIC_FRAGMENTS) {
    if (!read(file).includes(squash(fragment))) drift.push(`  code line no longer in ${file}: ${fragment}`);
  }
  if (drift.length) {
    throw new Error(
      `The app's feed code changed since bench/sql/ was copied from it; re-copy the SQL and re-check bench/feed-sql.ts:\n${drift.join("\n")}`,
    );
  }
  return new Map(templates.map((t) => [t.key, t]));
}

/** One interpolation: a value (-> $n) or SQL text inlined as Prisma.sql / Prisma.raw would be. */
export type Binding = { value: unknown } | { raw: string };

export type Statement = { name: string; text: string; values: unknown[] };

/**
 * Renders template `key` with a binding for every distinct `${expression}`
 * text in it. A missing or unused binding is an error, so a new
 * interpolation in the app cannot be silently mis-bound.
 */
export function render(sql: AppSql, key: string, bindings: Record<string, Binding>): Statement {
  const t = sql.get(key);
  if (!t) throw new Error(`no app SQL named ${key}`);
  const values: unknown[] = [];
  const used = new Set<string>();
  const text = t.body.replace(/\$\{([^}]*)\}/g, (_m, expr: string) => {
    const b = bindings[expr];
    if (!b) throw new Error(`${key}: no binding for \${${expr}}`);
    used.add(expr);
    if ("raw" in b) return b.raw;
    values.push(b.value);
    return `$${values.length}`;
  });
  const unused = Object.keys(bindings).filter((k) => !used.has(k));
  if (unused.length) throw new Error(`${key}: bindings not in the template: ${unused.join(", ")}`);
  // A named (server-side prepared) statement per distinct text.
  const name = `bench_${key.replace(/\W/g, "_")}_${createHash("sha1").update(text).digest("hex").slice(0, 10)}`;
  return { name, text, values };
}

function fromPrisma(key: string, q: Prisma.Sql): Statement {
  const name = `bench_${key}_${createHash("sha1").update(q.text).digest("hex").slice(0, 10)}`;
  return { name, text: q.text, values: [...q.values] };
}

/** The app's pull query (pullFeed), as a pg statement. */
export const pullStatement = (viewerId: number, opts: { before: number; limit: number; sources: Sources; hotIds?: number[] }) =>
  fromPrisma(`pull_${opts.sources}`, pullFeedSql(viewerId, opts));
/** The app's inbox read (readInbox's one round trip: state + page). */
export const inboxPageStatement = (viewerId: number, before: number, limit: number) => fromPrisma("inbox_page", inboxPageSql(viewerId, before, limit));
/** The app's fan-out INSERT. */
export const fanOutStatement = (postId: number, authorId: number) => fromPrisma("fan_out", fanOutSql(postId, authorId));
