import "server-only";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";

export type Role = "USER" | "ADMIN";

/**
 * Grants or revokes the admin role (who may review reports at
 * /admin/reports). Operators only: run from the command line with
 * `npm run admin -- grant|revoke <handle>` (scripts/admin.mjs); no route or
 * action calls it. The role is read from the database on every admin
 * request, so the change applies at once, without signing in again.
 */
export async function setRoleByHandle(handle: string, role: Role): Promise<{ handle: string; role: Role }> {
  const { count } = await db.user.updateMany({ where: { handle: handle.trim().toLowerCase() }, data: { role } });
  if (count === 0) throw notFound();
  return { handle: handle.trim().toLowerCase(), role };
}
