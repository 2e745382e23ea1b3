import "server-only";
import { headers } from "next/headers";
import { after } from "next/server";
import { db } from "@/server/db";
import type { Viewer } from "@/server/privacy";
import { visitDay } from "./visit-day";

// Visits recorded by this process in the last minute: a visitor clicking
// through a space's tabs then costs no write at all. On globalThis because
// Next loads pages and actions as separate module instances in one process
// (setFootprints must be able to clear it).
const RECENT_MS = 60_000;
const RECENT_MAX = 10_000;
const slot = globalThis as typeof globalThis & { __kongjianRecentVisits?: Map<string, number> };
const recent = (slot.__kongjianRecentVisits ??= new Map<string, number>());

/** Drops this process's memory of a visitor's recent visits (their footprints setting changed). */
export function forgetRecentVisits(visitorId: number) {
  for (const key of recent.keys()) if (key.startsWith(`${visitorId}:`)) recent.delete(key);
}

/**
 * Records that `viewer` looked at `ownerId`'s space: one row per visitor per
 * owner per (Asia/Shanghai) day, its last_at moved on later visits. Nothing
 * for anonymous viewers, the owner, or a visitor who hides their footprints
 * (checked in the same statement, so it costs no extra query). Returns
 * whether a row was written.
 */
export async function recordVisit(viewer: Viewer, ownerId: number, now = new Date()): Promise<boolean> {
  if (!viewer || viewer.id === ownerId) return false;
  const day = visitDay(now);
  const key = `${viewer.id}:${ownerId}:${day}`;
  const seen = recent.get(key);
  if (seen !== undefined && Math.abs(now.getTime() - seen) < RECENT_MS) return false;
  recent.delete(key); // re-inserted last: the map's order is its eviction order
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
  recent.set(key, now.getTime());
  try {
    const written = await db.$executeRaw`
      INSERT INTO visits (owner_id, visitor_id, day, last_at)
      SELECT ${ownerId}::int, u.id, ${day}::date, ${now}::timestamptz FROM users u
      WHERE u.id = ${viewer.id}::int AND NOT u.hide_footprints
      ON CONFLICT (owner_id, visitor_id, day) DO UPDATE SET last_at = GREATEST(visits.last_at, EXCLUDED.last_at)`;
    return written > 0;
  } catch (err) {
    recent.delete(key); // let the next page view try again
    throw err;
  }
}

/**
 * Called while a space page renders: records the visit after the response
 * has been sent (Next's after()), so it never slows or breaks the page. A
 * router prefetch (a link to the space merely shown on screen) is not a visit.
 */
export async function recordVisitAfterResponse(viewer: Viewer, ownerId: number) {
  if (!viewer || viewer.id === ownerId) return;
  if ((await headers()).get("next-router-prefetch")) return;
  after(() => recordVisit(viewer, ownerId).catch((err) => console.error("[visitors] recording a visit failed:", err)));
}
