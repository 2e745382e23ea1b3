// The app's HTTP API as the posting workload uses it: create a post and read
// the first feed page as a given user (a minted session cookie per user).
import type pg from "pg";
import type { App } from "../../lib/posting-app";
import { mintSessionCookie } from "../../lib/session";
import { runId } from "./plan";

export type Ctx = { app: App; pool: pg.Pool; cookies: Map<number, string>; created: number[] };

async function cookieFor(ctx: Ctx, uid: number): Promise<string> {
  let c = ctx.cookies.get(uid);
  if (!c) {
    const { rows } = await ctx.pool.query<{ handle: string; sv: number }>("SELECT handle, session_version AS sv FROM users WHERE id = $1", [uid]);
    if (!rows[0]) throw new Error(`no user ${uid}`);
    c = await mintSessionCookie({ id: uid, handle: rows[0].handle, sessionVersion: rows[0].sv }, ctx.app.secret);
    ctx.cookies.set(uid, c);
  }
  return c;
}

/** POST /api/posts as uid; returns the new post's id and the client-side latency (ms). */
export async function createPost(ctx: Ctx, uid: number, label: string): Promise<{ id: number; ms: number; sentAt: number; ackAt: number }> {
  const cookie = await cookieFor(ctx, uid);
  const body = JSON.stringify({ body: `bench posting ${runId} ${label} by b${uid}`, audience: "PUBLIC" });
  const sentAt = performance.now();
  const r = await fetch(`${ctx.app.baseUrl}/api/posts`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json", origin: ctx.app.baseUrl },
    body,
  });
  const text = await r.text();
  const ackAt = performance.now();
  if (!r.ok) throw new Error(`POST /api/posts as ${uid}: ${r.status} ${text.slice(0, 200)}`);
  const id = Number((JSON.parse(text) as { id: string }).id);
  ctx.created.push(id);
  return { id, ms: ackAt - sentAt, sentAt, ackAt };
}

export async function feedIds(ctx: Ctx, uid: number): Promise<{ ids: Set<number>; ms: number }> {
  const cookie = await cookieFor(ctx, uid);
  const t = performance.now();
  const r = await fetch(`${ctx.app.baseUrl}/api/feed`, { headers: { cookie } });
  const text = await r.text();
  if (!r.ok) throw new Error(`GET /api/feed as ${uid}: ${r.status} ${text.slice(0, 200)}`);
  const page = JSON.parse(text) as { items: { id: string }[] };
  return { ids: new Set(page.items.map((i) => Number(i.id))), ms: performance.now() - t };
}
