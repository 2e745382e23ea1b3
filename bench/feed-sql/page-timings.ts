// Timing feed pages: every (bucket, design, page) cell's round trips per
// repetition, the warm-up pass that checks hybrid pages against pull pages,
// and the server-side planning/execution split (EXPLAIN ANALYZE).
import { MAX_POST_ID, type FeedRow } from "../../src/server/feed/feed-row";
import { inboxPageStatement, PAGE_LIMIT, PAGE_SIZE } from "../sql/app-sql";
import { PAGES, REPS, type Design, type Page } from "./config";
import { client, hotIds, hotPullSql, hybrid, pullSql, run, type HybridTiming } from "./queries";
import type { Sampled } from "./sample";

export type Cell = { bucket: string; design: Design; page: Page; perRep: number[][]; fallbacks: number[] };
export const cells = new Map<string, Cell>();
function record(bucket: string, design: Design, page: Page, rep: number, ms: number) {
  const key = `${bucket}|${design}|${page}`;
  let c = cells.get(key);
  if (!c) cells.set(key, (c = { bucket, design, page, perRep: Array.from({ length: REPS }, () => []), fallbacks: [] }));
  c.perRep[rep]!.push(ms);
}

const ids = (rows: FeedRow[]) => rows.slice(0, PAGE_SIZE).map((r) => r.id);

export async function measurePage(u: Sampled, page: Page, rep: number | null, pullFirst: boolean, mismatches: string[]) {
  const before = u.cursors[page];
  if (before === undefined) return;
  const doPull = () => run<FeedRow>(pullSql(u.id, before, PAGE_LIMIT, "all"));
  let p: Awaited<ReturnType<typeof doPull>>;
  let h: HybridTiming;
  if (pullFirst) {
    p = await doPull();
    h = await hybrid(u.id, before);
  } else {
    h = await hybrid(u.id, before);
    p = await doPull();
  }
  if (rep === null) {
    // Warm-up pass: the hybrid page must equal the pull page (as feed-inbox.test.ts demands).
    const a = ids(p.rows).join(",");
    const b = ids(h.rows).join(",");
    const moreA = p.rows.length > PAGE_SIZE;
    const moreB = h.rows.length > PAGE_SIZE;
    if (a !== b || moreA !== moreB) mismatches.push(`user ${u.id} (${u.following} followed) page ${page}: pull [${a.slice(0, 60)}...] vs hybrid [${b.slice(0, 60)}...]`);
    return;
  }
  const seq = h.inbox + (h.hot ?? 0) + (h.fallback ?? 0);
  const par = Math.max(h.inbox, h.hot ?? 0) + (h.fallback ?? 0);
  record(u.bucket, "pull", page, rep, p.ms);
  if (page !== "past-horizon") record(u.bucket, "inbox", page, rep, h.inbox);
  if (h.hot !== null) record(u.bucket, "hot", page, rep, h.hot);
  record(u.bucket, "hybrid", page, rep, seq);
  record(u.bucket, "hybrid||", page, rep, par);
  if (rep === 0) {
    cells.get(`${u.bucket}|hybrid|${page}`)!.fallbacks.push(h.fallback === null ? 0 : 1);
  }
}

/** Warm-up pass (not recorded), which also checks hybrid == pull on every page. */
export async function warmUpAndCheck(sampled: Sampled[]): Promise<{ mismatches: string[]; transientMismatches: string[] }> {
  const firstMismatches: string[] = [];
  for (const u of sampled) for (const page of PAGES) await measurePage(u, page, null, true, firstMismatches);
  // A mismatch can be a post whose fan-out job has not run yet (another benchmark writing to this
  // database): check those pages again after a pause; only what persists is reported as a mismatch.
  const transientMismatches: string[] = [];
  const mismatches: string[] = [];
  if (firstMismatches.length) {
    await new Promise((r) => setTimeout(r, 3000));
    for (const m of firstMismatches) {
      const [, id, page] = /^user (\d+) .* page (\S+):/.exec(m)!;
      const u = sampled.find((x) => x.id === Number(id))!;
      const again: string[] = [];
      await measurePage(u, page as Page, null, true, again);
      (again.length ? mismatches : transientMismatches).push(again[0] ?? m);
    }
  }
  return { mismatches, transientMismatches };
}

export type ExplainRow = { bucket: string; design: "pull" | "inbox" | "hot"; planMs: number; execMs: number };

/** Server-side breakdown of each sampled user's first page, one pass. */
export async function explainFirstPages(sampled: Sampled[]): Promise<ExplainRow[]> {
  // Server-side breakdown, one pass: planning vs execution (EXPLAIN ANALYZE, custom plans like the app's).
  const explain: ExplainRow[] = [];
  for (const u of sampled) {
    for (const [design, st] of [
      ["pull", pullSql(u.id, MAX_POST_ID, PAGE_LIMIT, "all")],
      ["inbox", inboxPageStatement(u.id, MAX_POST_ID, PAGE_LIMIT)],
      ...(hotIds.length ? ([["hot", hotPullSql(u.id, MAX_POST_ID, PAGE_LIMIT)]] as const) : []),
    ] as const) {
      const r = await client.query<{ "QUERY PLAN": Array<{ "Planning Time": number; "Execution Time": number }> }>({
        text: `EXPLAIN (ANALYZE, FORMAT JSON) ${st.text}`,
        values: st.values,
      });
      const plan = r.rows[0]!["QUERY PLAN"][0]!;
      explain.push({ bucket: u.bucket, design, planMs: plan["Planning Time"], execMs: plan["Execution Time"] });
    }
  }
  return explain;
}
