import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { readSessionToken, sessionCookieNames } from "./session-token";

export type SignedInViewer = {
  id: number;
  handle: string;
  displayName: string;
  sessionVersion: number;
  locale: string | null;
  timeZone: string | null;
  /** The current avatar (media id), for the header; optional so hand-built viewers (tests) stay valid. */
  avatarMediaId?: number | null;
  /** Shows the admin's link in the header; every admin page checks the role again (privacy/admin.ts). */
  isAdmin?: boolean;
};

// The signed-in user's row, kept for a moment per process: a busy client's
// requests then cost no session query. Changes made through this process
// (sign out everywhere, profile edits) drop the entry at once; another
// process notices within USER_TTL_MS.
const USER_TTL_MS = 2_000;
const USER_CACHE_MAX = 10_000;
// On globalThis: Next bundles route handlers and pages/actions as separate
// module instances in one process, and a sign-out-everywhere done by an
// action must drop the entry the API routes read too.
const slot = globalThis as typeof globalThis & { __kongjianViewers?: Map<number, { user: SignedInViewer; at: number }> };
const users = (slot.__kongjianViewers ??= new Map());

export function forgetViewer(userId: number) {
  users.delete(userId);
}

async function loadUser(id: number): Promise<SignedInViewer | null> {
  const hit = users.get(id);
  if (hit && Date.now() - hit.at < USER_TTL_MS) return hit.user;
  const row = await db.user.findUnique({
    where: { id },
    select: { id: true, handle: true, displayName: true, sessionVersion: true, locale: true, timeZone: true, avatarMediaId: true, role: true },
  });
  if (!row) {
    users.delete(id);
    return null;
  }
  const { role, ...rest } = row;
  const user: SignedInViewer = { ...rest, isAdmin: role === "ADMIN" };
  if (users.size >= USER_CACHE_MAX) users.delete(users.keys().next().value!);
  users.set(id, { user, at: Date.now() });
  return user;
}

/**
 * The signed-in user for this request, or null. Read once per request
 * (React cache). A token whose session version is older than the user's
 * (signed out everywhere, password changed) or whose user is gone counts as
 * signed out.
 */
export const getViewer = cache(async (): Promise<SignedInViewer | null> => {
  const jar = await cookies();
  const token = sessionCookieNames().map((name) => jar.get(name)?.value).find(Boolean);
  const session = await readSessionToken(token);
  if (!session) return null;
  const user = await loadUser(session.uid);
  if (!user || user.sessionVersion !== session.sv) return null;
  return user;
});

export async function requireViewer(): Promise<SignedInViewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("unauthenticated", "signInRequired");
  return viewer;
}
