// The one exception to the audience rules: an admin reviewing reports may
// read a reported item whatever its audience. It lives here, in the privacy
// module, so the bypass is explicit and in one place:
// - `requireAdmin` turns a viewer into an AdminGrant, or throws the same
//   not_found as a missing page (a non-admin learns nothing about reports);
// - `adminReadPosts` takes that grant, so no code path can read hidden items
//   by accident; it returns only what the review page shows (text, kind,
//   author), never media files, which stay behind the normal checks.
// A grant is only ever made by requireAdmin (checked against a private set),
// so a hand-built object does not pass for one.
import "server-only";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import type { Audience } from "./audience";
import type { Viewer } from "./relation";

export type AdminGrant = { readonly adminId: number };

// On globalThis: Next may load this module more than once per process (pages,
// actions and route handlers are bundled separately), and a grant made by one
// copy must be recognised by the other.
const slot = globalThis as typeof globalThis & { __kongjianAdminGrants?: WeakSet<AdminGrant> };
const grants = (slot.__kongjianAdminGrants ??= new WeakSet<AdminGrant>());

/** The viewer as an admin (role read from the database on every call), or not_found. */
export async function requireAdmin(viewer: Viewer): Promise<AdminGrant> {
  if (!viewer || viewer.id <= 0 || viewer.previewOf) throw notFound();
  const user = await db.user.findUnique({ where: { id: viewer.id }, select: { role: true } });
  if (user?.role !== "ADMIN") throw notFound();
  const grant: AdminGrant = Object.freeze({ adminId: viewer.id });
  grants.add(grant);
  return grant;
}

/** Whether `grant` was made by requireAdmin for `userId`. */
export function isAdminGrant(grant: AdminGrant | undefined, userId: number): grant is AdminGrant {
  return grant !== undefined && grants.has(grant) && grant.adminId === userId;
}

export type AdminPostPreview = {
  id: number;
  kind: string;
  title: string | null;
  body: string;
  audience: Audience;
  createdAt: Date;
  author: { id: number; handle: string; displayName: string };
};

/** Reported items for the review page, whatever their audience (one query). */
export async function adminReadPosts(grant: AdminGrant, postIds: readonly number[]): Promise<Map<number, AdminPostPreview>> {
  if (!grants.has(grant)) throw notFound();
  if (!postIds.length) return new Map();
  const rows = await db.post.findMany({
    where: { id: { in: [...new Set(postIds)] } },
    select: { id: true, kind: true, title: true, body: true, audience: true, createdAt: true, author: { select: { id: true, handle: true, displayName: true } } },
  });
  return new Map(rows.map((r) => [r.id, r]));
}
