// The feed SQL floor's printed report: the latency table by bucket, pull vs
// hybrid, the server-side split, inbox build and trim, fan-out, feed_entries'
// size, the correctness check and the run's validity.
import os from "node:os";
import { median } from "../lib/stats";
import { INBOX_CAP } from "../sql/app-sql";
import { BUILD_REPS, BUCKETS, FANOUT_REPS, MIN_USERS, PRINTED, REPS, tier, type Design, type Page } from "./config";
import type { FanOutResult, feedEntriesSize, InboxBuild } from "./inbox-costs";
import { hotIds } from "./queries";
import type { Sampled } from "./sample";
import type { Result, summarizeBuilds, summarizeExplain } from "./summary";

const fmt = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? "-" : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
function printTable(headers: string[], rows: string[][], rightAlign: boolean[]) {
  const w = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cols: string[]) => cols.map((c, i) => (rightAlign[i] ? c.padStart(w[i]!) : c.padEnd(w[i]!))).join("  ");
  console.log(line(headers));
  console.log(w.map((n) => "-".repeat(n)).join("  "));
  for (const r of rows) console.log(r.length ? line(r) : "");
}

export type Report = {
  results: Result[];
  population: Record<string, number>;
  maxFollowing: number;
  withoutInbox: number;
  explainSummary: ReturnType<typeof summarizeExplain>;
  builds: InboxBuild[];
  sampled: Sampled[];
  fanOut: FanOutResult[];
  fanOutSkipped: string[];
  feedEntries: Awaited<ReturnType<typeof feedEntriesSize>>;
  mismatches: string[];
  transientMismatches: string[];
  concurrentWrites: Record<string, number>;
  load0: number[];
  load1: number[];
  noisyCells: string[];
  valid: boolean;
} & ReturnType<typeof summarizeBuilds>;

export function printReport(report: Report): void {
  const { results, population, maxFollowing, withoutInbox, explainSummary, builds, bt, fr, tr, trimDue, sampled, fanOut, fanOutSkipped, feedEntries } = report;
  const { mismatches, transientMismatches, concurrentWrites, load0, load1, noisyCells, valid } = report;
  console.log(
    `\nFeed SQL floor, tier ${tier}: median over ${REPS} repetitions of each repetition's p50/p95/p99 across the bucket's users (ms, client round trip).`,
  );
  console.log(`spread = min-max of the per-repetition p95; target = feed SQL p95 (<= 3 ms following up to 500, <= 20 ms above).\n`);
  const table: string[][] = [];
  for (const b of BUCKETS) {
    if (!results.some((r) => r.bucket === b.label)) continue;
    for (const [design, page] of PRINTED) {
      const r = results.find((x) => x.bucket === b.label && x.design === design && x.page === page);
      if (!r) continue;
      const judged = design !== "hot" && design !== "inbox";
      table.push([
        b.label,
        design,
        page,
        String(r.users),
        fmt(r.p50),
        fmt(r.p95),
        fmt(r.p99),
        `${fmt(r.spread.p95.min)}-${fmt(r.spread.p95.max)}`,
        `${r.targetP95}`,
        judged ? (r.meetsTarget ? "ok" : "MISS") : "",
        (r.fallbackUsers !== undefined && r.fallbackUsers > 0 ? `fallback ${r.fallbackUsers}/${r.users}` : "") + (r.noisy ? " NOISY" : "") + (r.users < MIN_USERS ? " (few users)" : ""),
      ]);
    }
    table.push([]);
  }
  printTable(
    ["following", "design", "page", "n", "p50", "p95", "p99", "p95 spread", "target", "", "note"],
    table.slice(0, -1),
    [false, false, false, true, true, true, true, true, true, false, false],
  );
  console.log(`\nBuckets (users in population -> sampled): ${BUCKETS.map((b) => `${b.label}: ${population[b.label]}`).join(", ")}; max following ${maxFollowing}.`);
  if (withoutInbox) console.log(`(${withoutInbox} users without an inbox were not sampled.)`);
  console.log(
    `inbox = readInbox's one round trip (state + page); hybrid = inbox + hot pull (${hotIds.length ? `${hotIds.length} hot accounts` : "skipped: no hot accounts"}) + regular pull past the horizon, sequential sum; hybrid|| = inbox and hot pull overlapped as getFeed runs them.`,
  );

  console.log("\nPull vs hybrid (p95, first page / deep page):");
  for (const b of BUCKETS) {
    const g = (d: Design, p: Page) => results.find((r) => r.bucket === b.label && r.design === d && r.page === p)?.p95;
    const pf = g("pull", "first");
    if (pf === undefined) continue;
    const hf = g("hybrid", "first")!;
    const inf = g("inbox", "first")!;
    const pd = g("pull", "deep");
    const hd = g("hybrid", "deep");
    console.log(
      `  ${b.label.padEnd(9)} pull ${fmt(pf)} ms vs hybrid ${fmt(hf)} ms (${(pf / hf).toFixed(1)}x; inbox query alone ${fmt(inf)} ms)` +
        (pd !== undefined && hd !== undefined ? `; deep: ${fmt(pd)} vs ${fmt(hd)} ms (${(pd / hd).toFixed(1)}x)` : ""),
    );
  }

  console.log("\nServer side, first page (EXPLAIN ANALYZE, one pass; p50 planning + execution ms, so round trip minus these = client/network/queueing):");
  printTable(
    ["following", "pull plan+exec", "inbox plan+exec", "hot plan+exec"],
    explainSummary.map((x) => [x.bucket, `${fmt(x.pull.planMs)} + ${fmt(x.pull.execMs)}`, `${fmt(x.inbox.planMs)} + ${fmt(x.inbox.execMs)}`, Number.isFinite(x.hot.planMs) ? `${fmt(x.hot.planMs)} + ${fmt(x.hot.execMs)}` : "(not run)"]),
    [false, true, true, true],
  );

  console.log(
    `\nInbox build (ensureInbox for a user without one: state insert + regular pull of ${INBOX_CAP} + insert + horizon; median of ${BUILD_REPS}, rolled back), ${builds.length} users:`,
  );
  console.log(`  p50 ${fmt(bt.p50)} ms, p95 ${fmt(bt.p95)} ms, max ${fmt(bt.max)} ms; whole first read (page read + build + page read): p50 ${fmt(fr.p50)}, p95 ${fmt(fr.p95)} ms`);
  for (const b of BUCKETS) {
    const xs = builds.filter((x) => x.bucket === b.label);
    if (!xs.length) continue;
    console.log(
      `  ${b.label.padEnd(9)} n=${xs.length}: total ${fmt(median(xs.map((x) => x.totalMs)))} ms (pull ${fmt(median(xs.map((x) => x.pullMs)))}, insert ${fmt(median(xs.map((x) => x.insertMs)))}), ${Math.round(median(xs.map((x) => x.entries)))} entries`,
    );
  }
  console.log(
    `  hourly trimInbox: p50 ${fmt(tr.p50)} ms, p95 ${fmt(tr.p95)} ms; due now for ${trimDue}/${sampled.length} sampled users (readInbox would trim and read again; not in the hybrid figures).`,
  );

  console.log(`\nFan-out INSERT (fanOutPost for a new PUBLIC post; median of ${FANOUT_REPS}, rolled back, no commit/fsync):`);
  printTable(
    ["reach", "author", "sources", "delivered", "INSERT ms", "job ms", "us/row"],
    fanOut.map((f) => [f.target, String(f.author), String(f.sources), String(f.delivered), fmt(f.insertMs), fmt(f.jobMs), f.delivered ? fmt((f.insertMs * 1000) / f.delivered) : "-"]),
    [false, true, true, true, true, true, true],
  );
  if (fanOutSkipped.length) console.log(`  (skipped ${fanOutSkipped.join("; ")})`);

  const mb = (x: number) => `${(x / 1024 / 1024).toFixed(1)} MB`;
  console.log(
    `\nfeed_entries: ${feedEntries.rows.toLocaleString("en")} rows in ${feedEntries.inboxes} inboxes, ${mb(feedEntries.totalBytes)} (heap ${mb(feedEntries.heapBytes)}, indexes ${mb(feedEntries.indexBytes)}), ${feedEntries.bytesPerRow} B/row; posts: ${mb(feedEntries.postsTotalBytes)}.`,
  );
  if (mismatches.length) {
    console.log(`\nHYBRID != PULL on ${mismatches.length} page(s), still after a ${3} s pause (warm-up check):`);
    for (const m of mismatches.slice(0, 10)) console.log(`  ${m}`);
  } else console.log(`\nCorrectness: hybrid pages equal pull pages for all ${sampled.length} sampled users (first, deep, past-horizon).`);
  if (transientMismatches.length) console.log(`  (${transientMismatches.length} page(s) differed at first and matched 3 s later: fan-out lag from another writer.)`);
  if (Object.keys(concurrentWrites).length)
    console.log(`\nOther writers during the measurements (rows written): ${Object.entries(concurrentWrites).map(([t, n]) => `${t} ${n}`).join(", ")}.`);
  console.log(`\nLoad average ${load0.map((x) => x.toFixed(1)).join(" ")} -> ${load1.map((x) => x.toFixed(1)).join(" ")} on ${os.cpus().length} cores.`);
  if (!valid) {
    console.log(`\n*** NOISY RUN: per-repetition p50 varied by more than CV 0.25 in ${noisyCells.length} cell(s); figures not valid, repeat on a quieter machine:`);
    for (const c of noisyCells.slice(0, 12)) console.log(`    ${c}`);
  }
}
